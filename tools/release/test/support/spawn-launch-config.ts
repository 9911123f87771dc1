import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export interface LaunchedBundle {
  client: Client;
  /** What the server wrote to stderr so far (its JSON logs). */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Spawns a launch config (command, args, env) and connects the MCP SDK client over stdio, as a host does.
 * The SDK adds only HOME, LOGNAME, PATH, SHELL, TERM and USER of this process, which `env` overrides. When
 * the server does not come up, the error carries what it wrote to stderr.
 */
export async function spawnLaunchConfig({
  command,
  args,
  env,
  cwd,
}: {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}): Promise<LaunchedBundle> {
  const transport = new StdioClientTransport({ command, args, env, cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const client = new Client({ name: 'claude-desktop-like-test', version: '0.0.0' });
  try {
    await client.connect(transport);
  } catch (error) {
    await transport.close().catch(() => undefined);
    throw new Error(`${command} ${args.join(' ')} did not start: ${String(error)}\n${stderr}`, { cause: error });
  }
  return { client, stderr: () => stderr, close: () => client.close() };
}
