// Resuming a dropped Streamable HTTP stream over real HTTP, the way a client does it after a network
// drop: POST a tool call, lose the SSE stream mid-call, GET with Last-Event-ID, get the rest.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { createConnectorRuntime } from '../src/connector/connector-runtime.js';
import { createMcpServer } from '../src/connector/create-mcp-server.js';
import { createSilentLogger } from '../src/logging/create-logger.js';
import { serveHttp, type HttpTransport } from '../src/transports/serve-http.js';
import { demoConnector } from './support/demo-connector.js';

interface ServerSentEvent {
  id?: string;
  retry?: number;
  data: string;
}

const protocolVersion = '2025-11-25';

/** Reads SSE events off a fetch body, one at a time, until told to stop. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(): Promise<ServerSentEvent | undefined> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.split('\n').every((line) => line.startsWith(':'))) continue;
          const event: ServerSentEvent = { data: '' };
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'id') event.id = value;
            if (field === 'retry') event.retry = Number(value);
            if (field === 'data') event.data += value;
          }
          return event;
        }
        const chunk = await reader.read();
        if (chunk.done) return undefined;
        buffer += chunk.value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('Streamable HTTP resumability', () => {
  let http: HttpTransport;
  const runtime = createConnectorRuntime({
    connector: demoConnector,
    config: { apiKey: 'resume-key', allowWrites: false, itemCount: 6 },
  });
  beforeAll(async () => {
    http = await serveHttp({ createServer: () => createMcpServer({ runtime }), logger: createSilentLogger() });
  });
  afterAll(async () => {
    await http.close();
    await runtime.close();
  });

  const post = ({
    url = http.url,
    sessionId,
    body,
    signal,
  }: {
    url?: URL;
    sessionId?: string;
    body: unknown;
    signal?: AbortSignal;
  }) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': protocolVersion,
        ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
      },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });

  const resume = ({ url = http.url, sessionId, lastEventId }: { url?: URL; sessionId: string; lastEventId: string }) =>
    fetch(url, {
      headers: {
        accept: 'text/event-stream',
        'mcp-protocol-version': protocolVersion,
        'mcp-session-id': sessionId,
        'last-event-id': lastEventId,
      },
    });

  const openSession = async ({ url = http.url }: { url?: URL } = {}) => {
    const response = await post({
      url,
      body: {
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion, capabilities: {}, clientInfo: { name: 'resume-test', version: '0' } },
      },
    });
    const sessionId = response.headers.get('mcp-session-id')!;
    await response.text();
    const initialized = await post({ url, sessionId, body: { jsonrpc: '2.0', method: 'notifications/initialized' } });
    expect(initialized.status).toBe(202);
    return sessionId;
  };

  it('replays the progress and the result a dropped stream missed, after the priming event', async () => {
    const sessionId = await openSession();
    const abort = new AbortController();
    const call = await post({
      sessionId,
      signal: abort.signal,
      body: {
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'list_items', arguments: { limit: 6, delay_ms: 60 }, _meta: { progressToken: 'p' } },
      },
    });
    expect(call.headers.get('content-type')).toContain('text/event-stream');
    const stream = sseReader(call);

    const priming = await stream.next();
    expect(priming).toEqual({ id: expect.any(String), retry: 1000, data: '' });
    const firstProgress = await stream.next();
    expect(JSON.parse(firstProgress!.data)).toMatchObject({
      method: 'notifications/progress',
      params: { progress: 1 },
    });
    // The network drops: the client never sees what the server sends from here on.
    abort.abort();
    await stream.cancel().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 600));

    const resumed = await resume({ sessionId, lastEventId: firstProgress!.id! });
    expect(resumed.status).toBe(200);
    const replay = sseReader(resumed);
    const received: ServerSentEvent[] = [];
    // The call ended while the client was away, so the replayed stream stays open after the result, like a
    // GET stream: the client stops reading once it has its response.
    for (let event = await replay.next(); event; event = await replay.next()) {
      received.push(event);
      if (JSON.parse(event.data).id === 7) break;
    }
    await replay.cancel();

    const messages = received.map((event) => JSON.parse(event.data) as Record<string, unknown>);
    expect(received.every((event) => event.id && event.id !== firstProgress!.id)).toBe(true);
    expect(messages.slice(0, -1).map((message) => (message.params as { progress: number }).progress)).toEqual([
      2, 3, 4, 5, 6,
    ]);
    expect(messages.at(-1)).toMatchObject({
      id: 7,
      result: { structuredContent: { items: expect.arrayContaining([{ id: 6, name: 'item 6' }]) } },
    });
  });

  it("lets the MCP SDK's own client resume a call on a new connection with its resumption token", async () => {
    const request = {
      method: 'tools/call' as const,
      params: { name: 'list_items', arguments: { limit: 6, delay_ms: 60 } },
    };
    const first = new Client({ name: 'resume-sdk', version: '0' });
    const firstTransport = new StreamableHTTPClientTransport(http.url);
    await first.connect(firstTransport);
    const sessionId = firstTransport.sessionId!;
    let resumptionToken: string | undefined;
    let sawProgress: () => void = () => {};
    const progressed = new Promise<void>((resolve) => {
      sawProgress = resolve;
    });
    const interrupted = first
      .request(request, CallToolResultSchema, {
        onresumptiontoken: (token) => {
          resumptionToken = token;
        },
        onprogress: () => sawProgress(),
      })
      .catch((error: unknown) => error);
    await progressed;
    // The connection goes away mid-call (without ending the session, as a crash or a network drop would).
    await firstTransport.close();
    expect(await interrupted).toBeInstanceOf(Error);
    expect(resumptionToken).toEqual(expect.any(String));

    const second = new Client({ name: 'resume-sdk', version: '0' });
    const secondTransport = new StreamableHTTPClientTransport(http.url, { sessionId });
    await second.connect(secondTransport);
    const result = await second.request(request, CallToolResultSchema, { resumptionToken });
    expect(result.structuredContent).toEqual({
      items: [1, 2, 3, 4, 5, 6].map((id) => ({ id, name: `item ${id}` })),
      truncated: false,
    });
    await secondTransport.terminateSession();
    await second.close();
  });

  it('keeps only what its limits allow, refusing to resume from an event it no longer has', async () => {
    const small = await serveHttp({
      createServer: () => createMcpServer({ runtime }),
      logger: createSilentLogger(),
      resumability: { maxEvents: 4, retryMs: 250 },
    });
    try {
      const sessionId = await openSession({ url: small.url });
      const call = await post({
        url: small.url,
        sessionId,
        body: {
          jsonrpc: '2.0',
          id: 3,
          method: 'tools/call',
          params: { name: 'list_items', arguments: { limit: 6 }, _meta: { progressToken: 'p' } },
        },
      });
      const events: ServerSentEvent[] = [];
      const stream = sseReader(call);
      for (let event = await stream.next(); event; event = await stream.next()) events.push(event);
      expect(events[0]).toMatchObject({ retry: 250, data: '' });
      expect(events).toHaveLength(8);

      const evicted = await resume({ url: small.url, sessionId, lastEventId: events[1]!.id! });
      expect(evicted.status).toBe(400);
      await evicted.text();
      const kept = await resume({ url: small.url, sessionId, lastEventId: events[6]!.id! });
      expect(kept.status).toBe(200);
      const replay = sseReader(kept);
      expect(JSON.parse((await replay.next())!.data)).toMatchObject({ id: 3, result: {} });
      await replay.cancel();
    } finally {
      await small.close();
    }
  });

  it('refuses a Last-Event-ID from another session, and one it never issued', async () => {
    const alice = await openSession();
    const mallory = await openSession();
    const call = await post({
      sessionId: alice,
      body: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_items', arguments: { limit: 2 } } },
    });
    const events: ServerSentEvent[] = [];
    const stream = sseReader(call);
    for (let event = await stream.next(); event; event = await stream.next()) events.push(event);
    const alicePriming = events[0]!.id!;

    const stolen = await resume({ sessionId: mallory, lastEventId: alicePriming });
    expect(stolen.status).toBe(400);
    expect(await stolen.text()).not.toContain('item');
    const madeUp = await resume({ sessionId: alice, lastEventId: `${alicePriming}0` });
    expect(madeUp.status).toBe(400);
  });
});
