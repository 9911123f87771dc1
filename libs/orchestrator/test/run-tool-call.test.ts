import mysql from 'mysql2/promise';
import type { ChatEvent } from '../src/chat-events.js';
import { createConnectorHub, type ConnectorHub } from '../src/connector-hub.js';
import { runToolCall, type RunToolCallOptions } from '../src/run-tool-call.js';
import { mysqlDatasource } from './support/datasources.js';

describe('runToolCall: one tool call without the model, over a real connector and MariaDB', () => {
  let hub: ConnectorHub;
  beforeAll(() => {
    hub = createConnectorHub({ datasources: [mysqlDatasource({ MYSQL_ALLOW_WRITES: 'true' })] });
  });
  afterAll(async () => {
    await hub.close();
  });

  async function call(options: Omit<RunToolCallOptions, 'hub' | 'onEvent' | 'datasourceId'>) {
    const events: ChatEvent[] = [];
    const result = await runToolCall({
      hub,
      datasourceId: 'mysql',
      onEvent: (event) => events.push(event),
      ...options,
    });
    return { events, result, types: events.map((event) => event.type) };
  }

  it('runs a read at once and reports it as a chat would, with the output schema and the model text', async () => {
    const { events, result, types } = await call({
      tool: 'execute_query',
      arguments: { sql: 'SELECT COUNT(*) AS n FROM orders' },
      id: 'card-1',
    });
    expect(types).toEqual(['tool_call_started', 'tool_call_finished', 'done']);
    expect(events[0]).toEqual({
      type: 'tool_call_started',
      id: 'card-1',
      datasource: 'mysql',
      tool: 'execute_query',
      arguments: { sql: 'SELECT COUNT(*) AS n FROM orders' },
    });
    expect(result.finished).toMatchObject({
      id: 'card-1',
      status: 'ok',
      summary: '1 row',
      result: { rows: [['600']] },
      outputSchema: { type: 'object', properties: { rows: { type: 'array' }, columns: { type: 'array' } } },
    });
    expect(result.finished!.modelText).toMatch(/\b600\b/);
    expect(result.finished).not.toHaveProperty('errorCode');
    expect(events.at(-1)).toEqual({ type: 'done', stopReason: 'tool_call' });
    expect(result.stopReason).toBe('tool_call');
  });

  it("carries the connector's stable error code and retryable flag from the result's _meta", async () => {
    const { result } = await call({ tool: 'execute_query', arguments: { sql: 'DELETE FROM customers' } });
    expect(result.finished).toMatchObject({ status: 'error', errorCode: 'READ_ONLY', retryable: false });
    expect(result.finished!.modelText).toMatch(/^READ_ONLY: /);
    expect(result.finished!.summary).toBe(`error: ${result.finished!.modelText.split('\n')[0]}`);
  });

  it('asks before a write, never runs it when denied, and runs it when approved', async () => {
    const admin = await mysql.createConnection(process.env.TEST_MARIADB_URL!);
    const count = async () =>
      Number(((await admin.query('SELECT COUNT(*) AS n FROM shop.customers'))[0] as Array<{ n: number }>)[0]!.n);
    const insert = {
      tool: 'execute_statement',
      arguments: {
        sql: "INSERT INTO shop.customers (email, name, country, created_at) VALUES ('card@example.com', 'Card', 'US', NOW())",
      },
    };
    try {
      const before = await count();
      const denied = await call({ ...insert, approve: async () => false });
      expect(denied.types).toEqual(['approval_required', 'tool_call_finished', 'done']);
      expect(denied.result.finished).toMatchObject({ status: 'denied' });
      expect(await count()).toBe(before);
      const unasked = await call(insert);
      expect(unasked.result.finished).toMatchObject({ status: 'denied' });

      const asked: unknown[] = [];
      const approved = await call({
        ...insert,
        approve: async (request) => {
          asked.push(request);
          return true;
        },
      });
      expect(asked).toEqual([expect.objectContaining({ tool: 'execute_statement', destructive: true })]);
      expect(approved.types).toEqual(['approval_required', 'tool_call_started', 'tool_call_finished', 'done']);
      expect(approved.result.finished).toMatchObject({ status: 'ok' });
      expect(await count()).toBe(before + 1);
    } finally {
      await admin.query("DELETE FROM shop.customers WHERE email = 'card@example.com'");
      await admin.end();
    }
  });

  it('ends with a tool_failed error for a tool the datasource does not have, or a datasource it does not know', async () => {
    const missing = await call({ tool: 'drop_everything', arguments: {} });
    expect(missing.events).toEqual([
      {
        type: 'error',
        code: 'tool_failed',
        message: 'The mysql datasource has no tool named drop_everything.',
        retryable: false,
      },
      { type: 'done', stopReason: 'tool_failed' },
    ]);
    expect(missing.result).toEqual({ stopReason: 'tool_failed', finished: null });
    const unknown = await runToolCall({
      hub,
      datasourceId: 'nowhere',
      tool: 'list_tables',
      arguments: {},
      onEvent: () => {},
    });
    expect(unknown.stopReason).toBe('tool_failed');
  });

  it('cancels a running call and ends with a cancelled error', async () => {
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    const started = Date.now();
    const result = await runToolCall({
      hub,
      datasourceId: 'mysql',
      tool: 'execute_query',
      arguments: { sql: 'SELECT COUNT(*) AS cancelled_tool_call FROM events a JOIN events b ON a.kind = b.kind' },
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'tool_call_started') setTimeout(() => controller.abort(), 300);
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.finished).toMatchObject({ status: 'cancelled', modelText: 'The call was cancelled.' });
    expect(events.slice(-2)).toEqual([
      { type: 'error', code: 'cancelled', message: 'The call was cancelled.', retryable: false },
      { type: 'done', stopReason: 'cancelled' },
    ]);
  });
});
