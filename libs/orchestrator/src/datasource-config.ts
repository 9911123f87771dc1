import { z } from 'zod';

/** Example questions are a first step, not a menu: a few at most. */
export const maxExamples = 5;

export const datasourceConfigSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'lowercase letters, digits, _ and -, at most 30 characters')
    .describe('Stable id; prefixes tool names (`mysql__execute_query`).'),
  name: z.string().min(1).max(80).describe('Display name, also shown to the model.'),
  kind: z.string().max(40).optional().describe('mysql, s3, jira, shopify, … (for icons and grouping).'),
  command: z.string().min(1).describe('Executable that serves MCP over stdio, e.g. `npx` or an absolute path to node.'),
  args: z.array(z.string()).default([]).describe('Arguments, e.g. ["-y", "@connectormcp/mysql"].'),
  env: z
    .record(z.string(), z.string())
    .default({})
    .describe('Environment for the connector (its configuration and secrets).'),
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
});

export type DatasourceConfig = z.output<typeof datasourceConfigSchema>;
export type DatasourceConfigInput = z.input<typeof datasourceConfigSchema>;
