import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ConnectedClient } from './connect-in-memory.js';

export interface SpawnedClient extends ConnectedClient {
  /** Everything the server wrote to stderr so far (its JSON logs). */
  stderr(): string;
  pid: number | null;
}

/**
 * Starts a connector's built bin as a child process and connects a real MCP client over stdio, the way
 * Claude Desktop does. Only the given environment is passed (plus PATH), so tests see exactly what a
 * user's config would provide.
 */
export async function spawnStdioClient({
  command = process.execPath,
  args,
  env = {},
  cwd,
}: {
  command?: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}): Promise<SpawnedClient> {
  const transport = new StdioClientTransport({
    command,
    args,
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
    ...(cwd ? { cwd } : {}),
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'connectormcp-test', version: '0.0.0' });
  await client.connect(transport);
  return {
    client,
    pid: transport.pid,
    stderr: () => stderr,
    async close() {
      await client.close();
    },
  };
}
