import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  sessionId: string | undefined;
  /** The JSON-RPC method of a POST, when it carried one message. */
  rpcMethod: string | undefined;
  headers: IncomingHttpHeaders;
}

/**
 * A pass-through HTTP proxy to `target` that records each request's method, MCP session id and JSON-RPC method,
 * so a test can see what the hub sent on the wire.
 */
export async function startRecordingProxy({ target }: { target: string }) {
  const requests: RecordedRequest[] = [];
  const destination = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      let rpcMethod: string | undefined;
      try {
        rpcMethod = (JSON.parse(body.toString('utf8')) as { method?: string }).method;
      } catch {
        rpcMethod = undefined;
      }
      const sessionHeader = incoming.headers['mcp-session-id'];
      requests.push({
        method: incoming.method!,
        sessionId: typeof sessionHeader === 'string' ? sessionHeader : undefined,
        rpcMethod,
        headers: incoming.headers,
      });
      const forwarded = request(
        {
          host: destination.hostname,
          port: destination.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: destination.host },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${destination.pathname}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
