import type { DistributedConnector } from './distributed-connector.js';

/** The MCP Bundle's file name, as attached to the GitHub release. */
export function bundleFileName({ connector }: { connector: Pick<DistributedConnector, 'name' | 'version'> }): string {
  return `connectormcp-${connector.name}-${connector.version}.mcpb`;
}
