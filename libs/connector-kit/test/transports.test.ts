import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { fileURLToPath } from 'node:url';
import { createConnectorRuntime } from '../src/connector/connector-runtime.js';
import { createMcpServer } from '../src/connector/create-mcp-server.js';
import { createSilentLogger } from '../src/logging/create-logger.js';
import { spawnStdioClient } from '../src/testing/spawn-stdio-client.js';
import { serveHttp, type HttpTransport } from '../src/transports/serve-http.js';
import { demoConnector } from './support/demo-connector.js';

const demoBin = fileURLToPath(new URL('./support/demo-bin.ts', import.meta.url));

function rawPost({ url, headers }: { url: URL; headers: Record<string, string> }): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('stdio transport', () => {
  it('serves a real MCP client from a spawned bin, with logs on stderr only', async () => {
    const connection = await spawnStdioClient({ args: [demoBin], env: { DEMO_API_KEY: 'stdio-secret-key' } });
    try {
      expect(connection.client.getServerVersion()).toMatchObject({ name: 'connectormcp-demo', version: '9.9.9' });
      const result = await connection.client.callTool({ name: 'list_items', arguments: { limit: 1 } });
      expect(result.structuredContent).toEqual({ items: [{ id: 1, name: 'item 1' }], truncated: false });
      const leak = await connection.client.callTool({ name: 'fail', arguments: { kind: 'leak' } });
      expect(JSON.stringify(leak)).not.toContain('stdio-secret-key');
    } finally {
      await connection.close();
    }
    const logs = connection.stderr().trim().split('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
    expect(connection.stderr()).not.toContain('stdio-secret-key');
  });

  it('starts and lists tools without configuration, failing calls with the missing variable', async () => {
    const connection = await spawnStdioClient({ args: [demoBin], env: {} });
    try {
      const { tools } = await connection.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['list_items', 'fail']);
      const result = await connection.client.callTool({ name: 'list_items', arguments: {} });
      expect(result.isError).toBe(true);
      expect(result.content).toEqual([
        { type: 'text', text: 'INVALID_CONFIG: Missing configuration: set DEMO_API_KEY (the demo key).' },
      ]);
    } finally {
      await connection.close();
    }
  });
});

describe('Streamable HTTP transport', () => {
  let http: HttpTransport | undefined;
  const runtime = createConnectorRuntime({
    connector: demoConnector,
    config: { apiKey: 'http-key-123', allowWrites: false, itemCount: 3 },
  });
  const start = async (options: { token?: string } = {}) => {
    http = await serveHttp({
      createServer: () => createMcpServer({ runtime }),
      logger: createSilentLogger(),
      ...options,
    });
    return http;
  };
  afterEach(async () => {
    await http?.close();
    http = undefined;
  });
  afterAll(() => runtime.close());

  const connectClient = async ({ url, token }: { url: URL; token?: string }) => {
    const client = new Client({ name: 'http-test', version: '0.0.0' });
    const transport = new StreamableHTTPClientTransport(url, {
      ...(token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {}),
    });
    await client.connect(transport);
    return client;
  };

  it('serves several sessions on loopback without a token', async () => {
    const { url } = await start();
    expect(url.hostname).toBe('127.0.0.1');
    const first = await connectClient({ url });
    const second = await connectClient({ url });
    const result = await first.callTool({ name: 'list_items', arguments: { limit: 2 } });
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(2);
    expect((await second.listTools()).tools).toHaveLength(2);
    await first.close();
    await second.close();
  });

  it('requires the bearer token when one is set', async () => {
    const { url } = await start({ token: 'correct-token-value' });
    await expect(connectClient({ url })).rejects.toThrow(/401|Unauthorized/);
    await expect(connectClient({ url, token: 'wrong-token-value' })).rejects.toThrow(/401|Unauthorized/);
    const client = await connectClient({ url, token: 'correct-token-value' });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it('rejects foreign Host and Origin headers (DNS rebinding)', async () => {
    const { url } = await start();
    expect(await rawPost({ url, headers: {} })).toBe(200);
    expect(await rawPost({ url, headers: { host: `evil.example:${url.port}` } })).toBe(403);
    expect(await rawPost({ url, headers: { origin: 'https://evil.example' } })).toBe(403);
    expect(await rawPost({ url, headers: { origin: `http://localhost:${url.port}` } })).toBe(200);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(
      serveHttp({ createServer: () => createMcpServer({ runtime }), host: '0.0.0.0', logger: createSilentLogger() }),
    ).rejects.toThrow(/MCP_HTTP_TOKEN/);
  });
});
