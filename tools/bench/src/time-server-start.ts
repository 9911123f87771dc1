import { spawnStdioClient } from '@connectormcp/connector-kit/testing';

export interface FirstCall {
  tool: string;
  arguments: Record<string, unknown>;
  /** Text the result must contain, so a server that answers fast with an error does not count. */
  expect: string;
}

/**
 * Milliseconds from spawning an MCP server over stdio, through `initialize`, to the result of its first
 * tool call (or, without `firstCall`, to the end of `initialize`), as a host sees it when a chat first uses
 * the server. Closing the server is not timed.
 */
export async function timeServerStart({
  args,
  env,
  cwd,
  firstCall,
}: {
  args: string[];
  env: Record<string, string>;
  cwd: string;
  firstCall?: FirstCall;
}): Promise<number> {
  const started = performance.now();
  const connection = await spawnStdioClient({ args, env, cwd });
  try {
    if (!firstCall) return performance.now() - started;
    const result = await connection.client.callTool({ name: firstCall.tool, arguments: firstCall.arguments });
    const elapsed = performance.now() - started;
    const text = JSON.stringify(result.content);
    if (result.isError || !text.includes(firstCall.expect)) {
      throw new Error(
        `${firstCall.tool} did not return ${firstCall.expect}: ${text.slice(0, 500)}\n${connection.stderr().slice(-2000)}`,
      );
    }
    return elapsed;
  } finally {
    await connection.close();
  }
}
