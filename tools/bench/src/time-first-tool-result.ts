import { spawnStdioClient } from '@connectormcp/connector-kit/testing';

/**
 * Milliseconds from spawning an MCP server over stdio, through `initialize`, to the result of its first
 * tool call, as a host sees it when a chat first uses the server. The call must succeed and its text must
 * contain `expect`, so a server that answers fast with an error does not count.
 */
export async function timeFirstToolResult({
  args,
  env,
  cwd,
  tool,
  toolArguments,
  expect,
}: {
  args: string[];
  env: Record<string, string>;
  cwd: string;
  tool: string;
  toolArguments: Record<string, unknown>;
  expect: string;
}): Promise<number> {
  const started = performance.now();
  const connection = await spawnStdioClient({ args, env, cwd });
  try {
    const result = await connection.client.callTool({ name: tool, arguments: toolArguments });
    const elapsed = performance.now() - started;
    const text = JSON.stringify(result.content);
    if (result.isError || !text.includes(expect)) {
      throw new Error(`${tool} did not return ${expect}: ${text.slice(0, 500)}\n${connection.stderr().slice(-2000)}`);
    }
    return elapsed;
  } finally {
    await connection.close();
  }
}
