import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from '../logging/create-logger.js';
import { createConnectorRuntime, type ConnectorRuntime } from './connector-runtime.js';
import { createMcpServer } from './create-mcp-server.js';
import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from './define-connector.js';

export interface ConnectorServer<Config extends ConnectorConfig, Context extends ConnectorContext> {
  server: McpServer;
  runtime: ConnectorRuntime<Config, Context>;
  /** Closes the server and releases the connector's pools and clients. */
  cleanup(): Promise<void>;
}

/** For library users: a ready MCP server over a config object; connect it to any transport. */
export function createConnectorServer<Config extends ConnectorConfig, Context extends ConnectorContext>({
  connector,
  config,
  logger,
  maxResultChars,
  maxStructuredChars,
}: {
  connector: ConnectorDefinition<Config, Context>;
  config: Config;
  logger?: Logger;
  maxResultChars?: number;
  /** Budget of `structuredContent` as JSON characters; `maxResultChars` unless given. */
  maxStructuredChars?: number;
}): ConnectorServer<Config, Context> {
  const runtime = createConnectorRuntime({
    connector,
    config,
    ...(logger ? { logger } : {}),
    ...(maxResultChars ? { maxResultChars } : {}),
    ...(maxStructuredChars ? { maxStructuredChars } : {}),
  });
  const server = createMcpServer({ runtime });
  return {
    server,
    runtime,
    async cleanup() {
      await server.close();
      await runtime.close();
    },
  };
}
