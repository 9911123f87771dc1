import type { DistributedConnector } from './distributed-connector.js';

/** The connector's name in the MCP Registry, also `mcpName` in its package.json. */
export function registryName({ connector }: { connector: Pick<DistributedConnector, 'name'> }): string {
  return `io.github.connectormcp/${connector.name}`;
}
