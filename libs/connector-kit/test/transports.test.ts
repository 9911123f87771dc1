import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { fileURLToPath } from 'node:url';
import { createConnectorRuntime } from '../src/connector/connector-runtime.js';
import { createMcpServer } from '../src/connector/create-mcp-server.js';
import { createSilentLogger } from '../src/logging/create-logger.js';
import { sendRawHttpRequest } from '../src/testing/send-raw-http-request.js';
import { spawnStdioClient } from '../src/testing/spawn-stdio-client.js';
import { serveHttp, type HttpTransport } from '../src/transports/serve-http.js';
import { hostOriginCases, sendHostOriginCase, type HostOriginRoute } from '../src/testing/host-origin-cases.js';
import { demoConnector } from './support/demo-connector.js';

const demoBin = fileURLToPath(new URL('./support/demo-bin.ts', import.meta.url));

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

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(
      serveHttp({ createServer: () => createMcpServer({ runtime }), host: '0.0.0.0', logger: createSilentLogger() }),
    ).rejects.toThrow(/MCP_HTTP_TOKEN/);
  });
});

/** A connector bin in `--http` mode, as users start it. */
async function startHttpBin({ args = [], env = {} }: { args?: string[]; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [demoBin, '--http', '--port', '0', ...args], {
    env: { PATH: process.env.PATH, DEMO_API_KEY: 'k-123456', LOG_LEVEL: 'warn', ...env },
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<URL | undefined>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (\S+)/.exec(stderr);
      if (match) resolve(new URL(match[1]!));
    });
    void exited.then(() => resolve(undefined));
  });
  return {
    url,
    exited,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe("a connector's --http mode against forged Host and Origin headers (the table the API runs too)", () => {
  let bin: Awaited<ReturnType<typeof startHttpBin>>;
  beforeAll(async () => {
    bin = await startHttpBin();
  });
  afterAll(() => bin.stop());

  const routes: Record<'read' | 'write', HostOriginRoute & { allowedStatus: number }> = {
    // Without a session a GET is answered 400 by the MCP handler: past the guard, nothing to read.
    read: { method: 'GET', path: '/mcp', headers: [['accept', 'text/event-stream']], allowedStatus: 400 },
    write: {
      method: 'POST',
      path: '/mcp',
      headers: [
        ['content-type', 'application/json'],
        ['accept', 'application/json, text/event-stream'],
      ],
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      }),
      allowedStatus: 200,
    },
  };

  it.each(hostOriginCases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const route = routes[testCase.kind];
    const response = await sendHostOriginCase({ testCase, port: Number(bin.url!.port), route });
    if (testCase.expected === 'allowed') {
      expect(response.status).toBe(route.allowedStatus);
      return;
    }
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32000, data: { code: testCase.expected } },
    });
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('logs each refusal on stderr', () => {
    expect(bin.stderr()).toMatch(/"code":"forbidden_host".*refused: Host \\"evil\.example:\d+\\" is not served here/);
    expect(bin.stderr()).toMatch(/"code":"forbidden_origin"/);
  });
});

describe("a connector's --http mode beyond loopback", () => {
  it('refuses to start on every interface without MCP_HTTP_ALLOWED_HOSTS, naming the variable', async () => {
    const bin = await startHttpBin({ args: ['--host', '0.0.0.0'], env: { MCP_HTTP_TOKEN: 'token-0123456789' } });
    expect(bin.url).toBeUndefined();
    expect(await bin.exited).toBe(1);
    expect(bin.stderr()).toContain('without MCP_HTTP_ALLOWED_HOSTS: set it to the host names clients use');
    expect(bin.stderr()).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('serves the names in MCP_HTTP_ALLOWED_HOSTS and loopback names, and nothing else', async () => {
    const bin = await startHttpBin({
      args: ['--host', '0.0.0.0'],
      env: { MCP_HTTP_TOKEN: 'token-0123456789', MCP_HTTP_ALLOWED_HOSTS: 'mcp.example.com, other.example' },
    });
    try {
      const port = Number(bin.url!.port);
      const status = async (host: string, origin?: string) =>
        (
          await sendRawHttpRequest({
            port,
            method: 'GET',
            target: '/mcp',
            headers: [['host', host], ...(origin ? ([['origin', origin]] as Array<[string, string]>) : [])],
          })
        ).status;
      // 401: past the Host and Origin checks, stopped by the token.
      expect(await status(`mcp.example.com:${port}`)).toBe(401);
      expect(await status('other.example')).toBe(401);
      expect(await status(`localhost:${port}`)).toBe(401);
      expect(await status(`mcp.example.com:${port}`, 'https://mcp.example.com')).toBe(401);
      expect(await status(`mcp.example.com.evil.example:${port}`)).toBe(403);
      expect(await status(`mcp.example.com:${port}`, 'https://evil.example')).toBe(403);
    } finally {
      await bin.stop();
    }
  });
});
