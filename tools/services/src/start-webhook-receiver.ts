import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as a signature is computed over it. */
  body: string;
}

/** What to answer a request: a status (and body, headers), or `hang` to never answer. */
export type ReceiverReply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Sets how the next requests are answered (200 by default). */
  respond(reply: ReceiverReply | ((request: ReceivedRequest) => ReceiverReply)): void;
  waitForRequests(options: { count: number; timeoutMs?: number }): Promise<ReceivedRequest[]>;
  stop(): Promise<void>;
}

/** A real HTTP server on loopback that records every request and answers as told, for webhook tests. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  let reply: ReceiverReply | ((request: ReceivedRequest) => ReceiverReply) = { status: 200, body: 'ok' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      for (const wake of waiters) wake();
      const answer = typeof reply === 'function' ? reply(received) : reply;
      if (answer === 'hang') return void hanging.add(response);
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    respond(next) {
      reply = next;
    },
    waitForRequests: ({ count, timeoutMs = 10_000 }) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(requests.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} requests within ${timeoutMs} ms, got ${requests.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
