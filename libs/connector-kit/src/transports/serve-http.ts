import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { isIPv4, type AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import express, { type Request, type Response } from 'express';
import type { Logger } from '../logging/create-logger.js';
import { bearerTokenGuard } from './bearer-token-guard.js';
import { BoundedEventStore, type EventStoreLimits, type SessionEventStore } from './bounded-event-store.js';
import { mcpHostOriginGuard } from './mcp-host-origin-guard.js';
import type { RunningTransport } from './serve-stdio.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  // Only an address: a name such as 127.0.0.1.nip.io or 127.evil.example resolves wherever its owner likes.
  return loopbackHosts.has(host) || (isIPv4(host) && host.startsWith('127.'));
}

export interface HttpTransport extends RunningTransport {
  /** `http://127.0.0.1:PORT/mcp` */
  url: URL;
}

/**
 * Serves MCP over Streamable HTTP at `/mcp`, one MCP server per session. Bound to loopback by default,
 * Host and Origin are checked against loopback names and `allowedHosts`; beyond loopback a token is required.
 */
export async function serveHttp({
  createServer,
  host = '127.0.0.1',
  port = 0,
  token,
  allowedHosts = [],
  resumability = {},
  logger,
}: {
  createServer: () => McpServer;
  host?: string;
  port?: number;
  token?: string;
  /** Extra host names accepted in Host and Origin headers (a reverse proxy's or a LAN name); required on 0.0.0.0. */
  allowedHosts?: string[];
  /** Limits of the events kept so clients can resume a dropped SSE stream, and the `retry` sent to them. */
  resumability?: Partial<EventStoreLimits> & { retryMs?: number };
  logger: Logger;
}): Promise<HttpTransport> {
  const loopback = isLoopbackHost(host);
  if (!loopback && !token) {
    throw new Error(
      `Refusing to serve on ${host} without MCP_HTTP_TOKEN: anyone on the network could use this connector.`,
    );
  }
  const app = express();
  app.disable('x-powered-by');
  // First, so that a request from a foreign name or origin is refused before its body is read.
  app.use(mcpHostOriginGuard({ bindHost: host, allowedHosts, logger }));
  app.use(express.json());
  if (token) app.use('/mcp', bearerTokenGuard({ token }));

  const sessions = new Map<
    string,
    { transport: StreamableHTTPServerTransport; server: McpServer; eventStore: SessionEventStore }
  >();
  const { retryMs = 1000, ...limits } = resumability;
  const events = new BoundedEventStore({ limits });

  const handle = async (request: Request, response: Response) => {
    const sessionId = request.header('mcp-session-id');
    const existing = sessionId ? sessions.get(sessionId) : undefined;
    const lastEventId = request.method === 'GET' ? request.header('last-event-id') : undefined;
    if (existing && lastEventId && !existing.eventStore.resumableStreamId(lastEventId)) {
      response.status(400).json({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Unknown or expired Last-Event-ID: this stream cannot be resumed.' },
        id: null,
      });
      return;
    }
    if (existing) {
      await existing.transport.handleRequest(request, response, request.body);
      return;
    }
    if (request.method !== 'POST' || sessionId || !isInitializeRequest(request.body)) {
      response.status(sessionId ? 404 : 400).json({
        jsonrpc: '2.0',
        error: {
          code: -32000,
          message: sessionId ? 'Unknown or expired session; initialize again.' : 'Send an initialize request first.',
        },
        id: null,
      });
      return;
    }
    const server = createServer();
    const eventStore = events.forSession();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server, eventStore });
      },
      // With an event store the SDK numbers every SSE event, opens each stream with a priming event
      // (an id and empty data, plus `retry`) and replays what a client missed on GET with Last-Event-ID.
      eventStore,
      retryInterval: retryMs,
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      eventStore.dispose();
      void server.close();
    };
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  };

  const safely = (request: Request, response: Response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'MCP HTTP request failed');
      if (!response.headersSent) {
        response.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null });
      }
    });
  };
  app.post('/mcp', safely);
  app.get('/mcp', safely);
  app.delete('/mcp', safely);

  const listener = await new Promise<Server>((resolve, reject) => {
    const httpServer = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(httpServer)));
    httpServer.once('error', reject);
  });
  const address = listener.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  return {
    url: new URL(`http://${urlHost}:${address.port}/mcp`),
    closed,
    async close() {
      await Promise.allSettled([...sessions.values()].map(({ transport }) => transport.close()));
      sessions.clear();
      await new Promise<void>((resolve) => {
        listener.closeAllConnections();
        listener.close(() => resolve());
      });
      resolveClosed();
    },
  };
}
