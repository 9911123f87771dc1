import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ConnectorError } from '../errors/connector-error.js';
import { toConnectorError } from '../errors/to-connector-error.js';
import { toToolErrorResult } from '../errors/to-tool-error-result.js';
import { fitStructuredOutput } from '../output/fit-structured-output.js';
import { truncateText } from '../output/truncate-text.js';
import { createProgressReporter, type ToolCallExtra } from '../progress/progress-reporter.js';
import { isResourceTemplate, type ResourceDefinition } from '../resources/define-resource.js';
import type { ToolDefinition } from '../tools/define-tool.js';
import type { ConnectorRuntime } from './connector-runtime.js';
import type { ConnectorConfig, ConnectorContext } from './define-connector.js';
import { createLazyJsonSchemaValidator } from './lazy-json-schema-validator.js';

/**
 * Builds one MCP server over a runtime. Streamable HTTP makes one per session; they all share the
 * runtime's pools.
 */
export function createMcpServer<Config extends ConnectorConfig, Context extends ConnectorContext>({
  runtime,
}: {
  runtime: ConnectorRuntime<Config, Context>;
}): McpServer {
  const { connector } = runtime;
  const server = new McpServer(
    { name: `connectormcp-${connector.name}`, title: `ConnectorMCP ${connector.title}`, version: connector.version },
    {
      capabilities: { logging: {} },
      jsonSchemaValidator: createLazyJsonSchemaValidator(),
      ...(connector.instructions ? { instructions: connector.instructions } : {}),
    },
  );
  for (const tool of connector.tools) {
    if (tool.writes && !runtime.allowWrites) continue;
    registerTool({ server, runtime, tool });
  }
  for (const resource of connector.resources ?? []) {
    registerResource({ server, runtime, resource });
  }
  return server;
}

function failure({
  runtime,
  error,
  signal,
  what,
}: {
  runtime: ConnectorRuntime<ConnectorConfig, ConnectorContext>;
  error: unknown;
  signal: AbortSignal;
  what: Record<string, unknown>;
}): ConnectorError {
  const connectorError = signal.aborted
    ? toConnectorError({ error: Object.assign(new Error('cancelled'), { name: 'AbortError' }) })
    : toConnectorError({ error, mapError: runtime.connector.mapError });
  const level = connectorError.code === 'INTERNAL' ? 'error' : 'warn';
  runtime.logger[level](
    { ...what, code: connectorError.code, err: connectorError.cause ?? connectorError },
    runtime.redact(connectorError.message),
  );
  return connectorError;
}

function registerTool<Context extends ConnectorContext>({
  server,
  runtime,
  tool,
}: {
  server: McpServer;
  runtime: ConnectorRuntime<ConnectorConfig, Context>;
  tool: ToolDefinition<Context, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}) {
  const outputSchema = withTruncatedFlag({ schema: tool.output });
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: withInputDefaults({ schema: tool.input, defaults: runtime.inputDefaults }),
      outputSchema,
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (input: unknown, extra: ToolCallExtra): Promise<CallToolResult> => {
      const started = performance.now();
      const maxChars = tool.maxChars ?? runtime.maxResultChars;
      const maxStructuredChars = runtime.maxStructuredChars;
      try {
        const output = await tool.handler({
          input,
          context: runtime.context(),
          signal: extra.signal,
          progress: createProgressReporter({ extra }),
          logger: runtime.logger,
          maxChars,
          maxStructuredChars,
        });
        const { text } = truncateText({ text: output.text, maxChars, hint: output.moreHint });
        const structuredContent = fitStructuredContent({ runtime, tool, outputSchema, output, maxStructuredChars });
        runtime.logger.debug({ tool: tool.name, ms: Math.round(performance.now() - started) }, 'tool call finished');
        return { content: [{ type: 'text', text }], structuredContent };
      } catch (error) {
        const connectorError = failure({ runtime, error, signal: extra.signal, what: { tool: tool.name } });
        return toToolErrorResult({ error: connectorError, redact: runtime.redact });
      }
    },
  );
}

/**
 * The tool's input with the connection's defaults as JSON Schema `default`: a required field becomes
 * optional and filled with the default; an optional one only shows it, its tool resolving an omitted value.
 */
function withInputDefaults({ schema, defaults }: { schema: z.ZodObject; defaults: Record<string, unknown> }) {
  const overrides: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    if (!field || value === undefined) continue;
    overrides[key] = field.safeParse(undefined).success
      ? field.meta({ default: value })
      : (field as z.ZodType<unknown>).default(value as never);
  }
  return Object.keys(overrides).length === 0 ? schema : schema.safeExtend(overrides);
}

const truncatedFlag = z
  .boolean()
  .optional()
  .describe('True when this result was cut to the size budget; the text says how to get the rest.');

/**
 * Clients validate `structuredContent` against the output schema, whose JSON Schema forbids unknown
 * properties, so every tool's schema must allow the flag the kit sets when it cuts a result (`safeExtend`
 * keeps the schema's own refinements).
 */
function withTruncatedFlag({ schema }: { schema: z.ZodObject }): z.ZodObject {
  return 'truncated' in schema.shape ? schema : schema.safeExtend({ truncated: truncatedFlag });
}

/**
 * The backstop of the structured budget: a tool cuts its own output consistently with its text; whatever
 * it returns, no more than the budget goes to the client, since hosts give the model `structuredContent`
 * instead of the text and an oversized message ends the session of a TypeScript-SDK client.
 */
function fitStructuredContent<Context extends ConnectorContext>({
  runtime,
  tool,
  outputSchema,
  output,
  maxStructuredChars,
}: {
  runtime: ConnectorRuntime<ConnectorConfig, Context>;
  tool: ToolDefinition<Context, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  outputSchema: z.ZodObject;
  output: { structured: Record<string, unknown> };
  maxStructuredChars: number;
}): Record<string, unknown> {
  const fitted = fitStructuredOutput({ structured: output.structured, maxChars: maxStructuredChars });
  if (!fitted.truncated) return output.structured;
  runtime.logger.warn(
    { tool: tool.name, cuts: fitted.cuts, length: fitted.length, maxStructuredChars },
    'structured output exceeded the budget and was cut by the kit; the tool should cut its own',
  );
  if (fitted.length > maxStructuredChars || !outputSchema.safeParse(fitted.structured).success) {
    throw new ConnectorError({
      code: 'INTERNAL',
      message: `The result of ${tool.name} does not fit the structured budget of ${maxStructuredChars} characters.`,
    });
  }
  return fitted.structured;
}

const mcpErrorCodeFor: Partial<Record<ConnectorError['code'], number>> = {
  NOT_FOUND: -32002, // "Resource not found" in the MCP specification
  INVALID_INPUT: ErrorCode.InvalidParams,
};

function registerResource<Context extends ConnectorContext>({
  server,
  runtime,
  resource,
}: {
  server: McpServer;
  runtime: ConnectorRuntime<ConnectorConfig, Context>;
  resource: ResourceDefinition<Context>;
}) {
  const metadata = {
    title: resource.title,
    description: resource.description,
    ...(resource.mimeType ? { mimeType: resource.mimeType } : {}),
  };
  const read = async (uri: URL, variables: Record<string, string | string[]>, extra: ToolCallExtra) => {
    try {
      const flat = Object.fromEntries(
        Object.entries(variables).map(([key, value]) => [
          key,
          decodeURIComponent(Array.isArray(value) ? value.join('/') : value),
        ]),
      );
      const contents = await resource.read({
        context: runtime.context(),
        uri,
        variables: flat,
        signal: extra.signal,
        logger: runtime.logger,
      });
      return { contents };
    } catch (error) {
      const connectorError = failure({ runtime, error, signal: extra.signal, what: { resource: uri.href } });
      throw new McpError(
        mcpErrorCodeFor[connectorError.code] ?? ErrorCode.InternalError,
        `${connectorError.code}: ${runtime.redact(connectorError.message)}`,
      );
    }
  };
  if (!isResourceTemplate(resource)) {
    server.registerResource(resource.name, resource.uri, metadata, (uri, extra) => read(uri, {}, extra));
    return;
  }
  const list = resource.list;
  const template = new ResourceTemplate(resource.uri, {
    list: list
      ? async (extra) => {
          try {
            const resources = await list({ context: runtime.context(), signal: extra.signal });
            return {
              resources: resources.map((item) => ({
                ...item,
                ...(resource.mimeType ? { mimeType: resource.mimeType } : {}),
              })),
            };
          } catch (error) {
            // Listing is best effort: a source that is down must not break resources/list for the rest.
            failure({ runtime, error, signal: extra.signal, what: { resourceTemplate: resource.uri } });
            return { resources: [] };
          }
        }
      : undefined,
  });
  server.registerResource(resource.name, template, metadata, read);
}
