import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export interface ConnectedClient {
  client: Client;
  close(): Promise<void>;
}

/** Connects a real MCP client to a server in the same process, for fast protocol-level tests. */
export async function connectInMemory({
  server,
  name = 'connectormcp-test',
}: {
  server: McpServer;
  name?: string;
}): Promise<ConnectedClient> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name, version: '0.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    async close() {
      await client.close();
      await server.close();
    },
  };
}
