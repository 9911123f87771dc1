import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export interface RunningTransport {
  close(): Promise<void>;
  /** Resolves when the client goes away (stdin closed, or the HTTP server stopped). */
  closed: Promise<void>;
}

export async function serveStdio({
  server,
  stdin = process.stdin,
  stdout = process.stdout,
}: {
  server: McpServer;
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
}): Promise<RunningTransport> {
  const transport = new StdioServerTransport(stdin as never, stdout as never);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    // The SDK's stdio transport does not notice end of input by itself, nor a client that went away
    // while we were writing (EPIPE on stdout, which would otherwise be an uncaught error).
    stdin.once('end', () => resolve());
    stdin.once('close', () => resolve());
    stdin.once('error', () => resolve());
    stdout.on('error', () => resolve());
  });
  await server.connect(transport);
  return { close: () => server.close(), closed };
}
