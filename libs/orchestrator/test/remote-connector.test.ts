import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, waitFor } from '@connectormcp/services';
import mysql from 'mysql2/promise';
import type { ChatEvent } from '../src/chat-events.js';
import { createConnectorHub, type ConnectorHub } from '../src/connector-hub.js';
import type { DatasourceConfigInput } from '../src/datasource-config.js';
import { runToolCall } from '../src/run-tool-call.js';
import { mysqlDatasource } from './support/datasources.js';
import { startHttpConnector, type HttpConnector } from './support/start-http-connector.js';
import { startRecordingProxy } from './support/start-recording-proxy.js';

const secret = () => `cmcp-test-${randomBytes(18).toString('base64url')}`;
const shopUrl = () => mysqlDatasource().env!.MYSQL_URL!;

const remote = ({ url, token }: { url: string; token: string }): DatasourceConfigInput => ({
  id: 'shop',
  name: 'Shop',
  kind: 'mysql',
  url,
  headers: { Authorization: `Bearer ${token}` },
});

const countOrders = async ({ hub, datasourceId = 'shop' }: { hub: ConnectorHub; datasourceId?: string }) => {
  const result = await hub.callTool({
    datasourceId,
    name: 'execute_query',
    arguments: { sql: 'SELECT COUNT(*) AS n FROM orders' },
  });
  expect(result.isError).toBeFalsy();
  return (result.structuredContent as { rows: string[][] }).rows[0]![0];
};

describe('remote connectors: the MySQL connector served with --http, reached by url and headers', () => {
  const token = secret();
  let server: HttpConnector;
  let hub: ConnectorHub;
  beforeAll(async () => {
    server = await startHttpConnector({
      env: { MYSQL_URL: shopUrl(), MCP_HTTP_TOKEN: token, MYSQL_ALLOW_WRITES: 'true' },
    });
    hub = createConnectorHub({ datasources: [remote({ url: server.url, token })] });
  });
  afterAll(async () => {
    await hub?.close();
    await server?.stop();
  });

  it('lists the tools with the same approval rules, runs a read, and asks before a write', async () => {
    const { tools, failures } = await hub.tools({ datasourceIds: ['shop'] });
    expect(failures).toEqual([]);
    const byName = new Map(tools.map((tool) => [tool.tool.name, tool]));
    expect(byName.get('execute_query')).toMatchObject({ modelName: 'shop__execute_query', readOnly: true });
    expect(byName.get('execute_statement')).toMatchObject({ modelName: 'shop__execute_statement', readOnly: false });
    expect(await countOrders({ hub })).toBe('600');

    const admin = await mysql.createConnection(process.env.TEST_MARIADB_URL!);
    try {
      const customers = async () =>
        Number(((await admin.query('SELECT COUNT(*) AS n FROM shop.customers'))[0] as Array<{ n: number }>)[0]!.n);
      const before = await customers();
      const events: ChatEvent[] = [];
      const denied = await runToolCall({
        hub,
        datasourceId: 'shop',
        tool: 'execute_statement',
        arguments: {
          sql: "INSERT INTO customers (email, name, country, created_at) VALUES ('r@x.io', 'R', 'US', NOW())",
        },
        approve: async () => false,
        onEvent: (event) => events.push(event),
      });
      expect(events.map((event) => event.type)).toEqual(['approval_required', 'tool_call_finished', 'done']);
      expect(denied.finished).toMatchObject({ status: 'denied' });
      expect(await customers()).toBe(before);
    } finally {
      await admin.end();
    }
    expect(hub.status('shop')).toEqual({ state: 'connected', restarts: 0 });
    await expect(hub.test('shop')).resolves.toMatchObject({
      status: 'ok',
      check: expect.stringMatching(/^ok: http:\/\/127\.0\.0\.1:\d+\/mcp answers \(.+\) with \d+ tools$/),
    });
  });

  it('shares one session among concurrent calls and ends it with a DELETE when the hub closes', async () => {
    const proxy = await startRecordingProxy({ target: server.url });
    const pooled = createConnectorHub({ datasources: [remote({ url: proxy.url, token })] });
    try {
      await Promise.all([countOrders({ hub: pooled }), countOrders({ hub: pooled }), countOrders({ hub: pooled })]);
      await pooled.tools({ datasourceIds: ['shop'] });
      await countOrders({ hub: pooled });
      const initializes = proxy.requests.filter((entry) => entry.rpcMethod === 'initialize');
      expect(initializes).toHaveLength(1);
      const calls = proxy.requests.filter((entry) => entry.rpcMethod === 'tools/call');
      expect(calls).toHaveLength(4);
      const sessions = new Set(calls.map((entry) => entry.sessionId));
      expect(sessions.size).toBe(1);
      expect(calls.every((entry) => entry.headers.authorization === `Bearer ${token}`)).toBe(true);
      await pooled.close();
      const [session] = sessions;
      expect(proxy.requests.filter((entry) => entry.method === 'DELETE').map((entry) => entry.sessionId)).toEqual([
        session,
      ]);
    } finally {
      await pooled.close();
      await proxy.close();
    }
  });

  it('fails readably with a wrong token, never showing the token, in calls, status, test and health', async () => {
    const wrong = secret();
    const refused = createConnectorHub({ datasources: [remote({ url: server.url, token: wrong })] });
    try {
      const { failures } = await refused.tools({ datasourceIds: ['shop'] });
      expect(failures).toEqual([
        {
          datasourceId: 'shop',
          error: expect.stringMatching(
            /^Shop could not connect: the server at http:\/\/127\.0\.0\.1:\d+\/mcp refused the credentials \(HTTP 401\)/,
          ),
        },
      ]);
      const call = refused.callTool({ datasourceId: 'shop', name: 'execute_query', arguments: { sql: 'SELECT 1' } });
      await expect(call).rejects.toThrow(/refused the credentials \(HTTP 401\)/);
      const status = refused.status('shop');
      expect(status).toMatchObject({ state: 'error', lastError: expect.stringMatching(/HTTP 401/) });
      const tested = await refused.test('shop');
      expect(tested).toMatchObject({ status: 'error', error: expect.stringMatching(/HTTP 401/) });
      const health = await refused.checkHealth('shop');
      expect(health).toMatchObject({ status: 'unreachable', reason: expect.stringMatching(/HTTP 401/) });
      const everything = JSON.stringify({ failures, status, tested, health, error: await call.catch(String) });
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain(token);
    } finally {
      await refused.close();
    }
  });

  it('keeps a header value out of what a failing server echoes back, in status, test and health', async () => {
    const echoed = secret();
    const echoing = createServer((request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          jsonrpc: '2.0',
          error: { code: -32603, message: `Cannot use ${request.headers.authorization} (token ${echoed})` },
          id: null,
        }),
      );
    });
    await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve));
    const { port } = echoing.address() as AddressInfo;
    const failing = createConnectorHub({
      datasources: [remote({ url: `http://127.0.0.1:${port}/mcp`, token: echoed })],
    });
    try {
      const { failures } = await failing.tools({ datasourceIds: ['shop'] });
      const tested = await failing.test('shop');
      const health = await failing.checkHealth('shop');
      const status = failing.status('shop');
      expect(failures[0]!.error).toBe(
        `Shop could not connect: the server at http://127.0.0.1:${port}/mcp answered HTTP 500: Cannot use [redacted] (token [redacted])`,
      );
      expect(health).toMatchObject({ status: 'unreachable', reason: expect.stringMatching(/HTTP 500/) });
      expect(JSON.stringify({ failures, tested, health, status })).not.toContain(echoed);
    } finally {
      await failing.close();
      echoing.closeAllConnections();
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
    }
  });

  it('says readably when nothing listens at the url', async () => {
    const port = await freePort();
    const nowhere = createConnectorHub({
      datasources: [remote({ url: `http://127.0.0.1:${port}/mcp`, token: secret() })],
    });
    try {
      await expect(nowhere.test('shop')).resolves.toMatchObject({
        status: 'error',
        error: `Shop could not connect: could not reach http://127.0.0.1:${port}/mcp: the connection was refused: is the server running?`,
      });
    } finally {
      await nowhere.close();
    }
  });

  it('opens a new session at once when the server restarted on the same port, and the next call works', async () => {
    const own = createConnectorHub({ datasources: [remote({ url: server.url, token })] });
    try {
      expect(await countOrders({ hub: own })).toBe('600');
      await server.stop();
      server = await startHttpConnector({
        port: server.port,
        env: { MYSQL_URL: shopUrl(), MCP_HTTP_TOKEN: token, MYSQL_ALLOW_WRITES: 'true' },
      });
      expect(await countOrders({ hub: own })).toBe('600');
      expect(own.status('shop')).toMatchObject({ state: 'connected', restarts: 1 });
    } finally {
      await own.close();
    }
  });
});

describe('setDatasources over real connectors', () => {
  it('keeps an unchanged connector running and restarts a changed one', async () => {
    const one = { ...mysqlDatasource(), id: 'one', name: 'One' };
    const two = { ...mysqlDatasource(), id: 'two', name: 'Two' };
    const hub = createConnectorHub({ datasources: [one, two] });
    try {
      await Promise.all([countOrders({ hub, datasourceId: 'one' }), countOrders({ hub, datasourceId: 'two' })]);
      const before = { one: hub.status('one').pid, two: hub.status('two').pid };
      expect(before.one).toEqual(expect.any(Number));
      expect(before.two).toEqual(expect.any(Number));
      const changes = await hub.setDatasources([{ ...one }, { ...two, env: { ...two.env, LOG_LEVEL: 'error' } }]);
      expect(changes).toEqual({ added: [], changed: ['two'], removed: [] });
      expect(hub.status('one').pid).toBe(before.one);
      // The changed one is closed and only starts again on its next use.
      expect(hub.status('two').pid).toBeUndefined();
      await countOrders({ hub, datasourceId: 'two' });
      expect(hub.status('two').pid).toEqual(expect.any(Number));
      expect(hub.status('two').pid).not.toBe(before.two);
      expect(() => process.kill(before.two!, 0)).toThrow();
      await countOrders({ hub, datasourceId: 'one' });
      expect(hub.status('one').pid).toBe(before.one);
    } finally {
      await hub.close();
    }
  });

  it('a rotated secret in headers takes effect on the next call, and an added datasource gets health checks', async () => {
    const first = secret();
    let server = await startHttpConnector({ env: { MYSQL_URL: shopUrl(), MCP_HTTP_TOKEN: first } });
    const hub = createConnectorHub({
      datasources: [remote({ url: server.url, token: first })],
      slowHealthCheckMs: 60_000,
    });
    try {
      hub.startHealthChecks();
      expect(await countOrders({ hub })).toBe('600');
      // The server's token is rotated: the old one is refused.
      const second = secret();
      await server.stop();
      server = await startHttpConnector({ port: server.port, env: { MYSQL_URL: shopUrl(), MCP_HTTP_TOKEN: second } });
      await expect(
        hub.callTool({ datasourceId: 'shop', name: 'execute_query', arguments: { sql: 'SELECT 1' } }),
      ).rejects.toThrow(/HTTP 401/);

      const changes = await hub.setDatasources([
        remote({ url: server.url, token: second }),
        { ...mysqlDatasource(), id: 'local', name: 'Local' },
      ]);
      expect(changes).toEqual({ added: ['local'], changed: ['shop'], removed: [] });
      expect(hub.datasources().map((config) => config.id)).toEqual(['shop', 'local']);
      expect(await countOrders({ hub })).toBe('600');
      await waitFor({
        description: 'the added datasource to be checked',
        probe: async () => hub.health('local').status === 'connected',
        timeoutMs: 30_000,
      });
      await waitFor({
        description: 'the changed datasource to be checked again',
        probe: async () => hub.health('shop').status === 'connected',
        timeoutMs: 30_000,
      });
      expect(JSON.stringify(hub.status('shop'))).not.toContain(second);
    } finally {
      await hub.close();
      await server.stop();
    }
  });
});
