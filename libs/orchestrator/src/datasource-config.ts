import { z } from 'zod';

/** Example questions are a first step, not a menu: a few at most. */
export const maxExamples = 5;

/** How the hub reaches a datasource's connector: a local process over stdio, or a remote server over HTTP. */
export type DatasourceTransport = 'stdio' | 'http';

export const datasourceConfigSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'lowercase letters, digits, _ and -, at most 30 characters')
      .describe('Stable id; prefixes tool names (`mysql__execute_query`).'),
    name: z.string().min(1).max(80).describe('Display name, also shown to the model.'),
    kind: z.string().max(40).optional().describe('mysql, s3, jira, shopify, … (for icons and grouping).'),
    command: z
      .string()
      .min(1)
      .optional()
      .describe('Executable that serves MCP over stdio, e.g. `npx` or an absolute path to node. Or give `url`.'),
    args: z.array(z.string()).default([]).describe('Arguments, e.g. ["-y", "@connectormcp/mysql"].'),
    env: z
      .record(z.string(), z.string())
      .default({})
      .describe('Environment for the connector (its configuration and secrets); stdio only.'),
    url: z
      .url({ protocol: /^https?$/, error: 'an http:// or https:// URL of an MCP server (Streamable HTTP)' })
      .optional()
      .describe('A remote MCP server speaking Streamable HTTP, e.g. `https://mcp.internal/mcp`. Or give `command`.'),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .describe('HTTP headers sent with every request to `url`, e.g. `{ "Authorization": "Bearer …" }`.'),
    enabled: z.boolean().default(true),
    systemPrompt: z
      .string()
      .max(4000)
      .optional()
      .describe('Extra instructions for the model when this datasource is in use.'),
    examples: z
      .array(z.string().trim().min(1).max(200))
      .max(maxExamples)
      .optional()
      .describe('Example questions a chat offers as one-click starts; defaults per kind when unset.'),
    callTimeoutMs: z.number().int().min(1000).max(600_000).default(60_000).describe('Per tool call time limit.'),
  })
  // A refinement rather than a union: the schema stays an object, so an app can `.extend()` it with its own fields.
  .superRefine((config, context) => {
    if (config.command !== undefined && config.url !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message:
          'give either `command` (a connector run here, over stdio) or `url` (a remote MCP server, over HTTP), not both',
      });
    } else if (config.command === undefined && config.url === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['command'],
        message: 'give `command` (a connector run here, over stdio) or `url` (a remote MCP server, over HTTP)',
      });
    } else if (config.command !== undefined && Object.keys(config.headers).length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['headers'],
        message: '`headers` are sent to a `url`; a `command` connector gets its settings from `env`',
      });
    }
  });

export type DatasourceConfig = z.output<typeof datasourceConfigSchema>;
export type DatasourceConfigInput = z.input<typeof datasourceConfigSchema>;

/** `http` for a datasource with a `url`, `stdio` for one with a `command`. */
export function datasourceTransport(config: Pick<DatasourceConfig, 'url'>): DatasourceTransport {
  return config.url === undefined ? 'stdio' : 'http';
}
