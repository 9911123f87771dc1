import Anthropic from '@anthropic-ai/sdk';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import mysql from 'mysql2/promise';
import type { ChatEvent } from '../src/chat-events.js';
import { createConnectorHub, type ConnectorHub } from '../src/connector-hub.js';
import { runChat, type RunChatOptions } from '../src/run-chat.js';
import { mysqlDatasource, s3Datasource } from './support/datasources.js';

const question: Anthropic.MessageParam[] = [{ role: 'user', content: 'How many orders do we have?' }];

describe('runChat end to end with real connectors and the fake Anthropic API', () => {
  let fake: FakeAnthropic;
  let hub: ConnectorHub;
  let anthropic: Anthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
    anthropic = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 2 });
    hub = createConnectorHub({ datasources: [mysqlDatasource({ MYSQL_ALLOW_WRITES: 'true' }), s3Datasource()] });
  });
  afterAll(async () => {
    await hub.close();
    await fake.stop();
  });

  async function run(overrides: Partial<RunChatOptions> = {}) {
    const events: ChatEvent[] = [];
    const result = await runChat({
      hub,
      anthropic,
      messages: question,
      datasources: ['mysql', 's3'],
      now: new Date('2026-11-24T12:00:00Z'),
      ...overrides,
      onEvent: (event) => {
        events.push(event);
        overrides.onEvent?.(event);
      },
    });
    return {
      events,
      result,
      of: <Type extends ChatEvent['type']>(type: Type) =>
        events.filter((event): event is Extract<ChatEvent, { type: Type }> => event.type === type),
    };
  }

  it('runs several steps of tool use and streams the answer', async () => {
    fake.script(
      { content: [{ type: 'tool_use', name: 'mysql__list_tables', input: { database: 'shop' } }] },
      {
        content: [
          { type: 'text', text: 'Counting.' },
          { type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT COUNT(*) AS n FROM orders' } },
        ],
      },
      (request) => {
        const last = request.messages.at(-1)!;
        const result = JSON.stringify(last.content);
        return {
          content: [
            { type: 'text', text: result.includes('600') ? 'There are 600 orders.' : 'I could not count them.' },
          ],
        };
      },
    );
    const added: unknown[] = [];
    const { of, result } = await run({ onMessage: (message) => void added.push(message) });
    expect(of('tool_call_started').map((event) => event.tool)).toEqual(['list_tables', 'execute_query']);
    expect(of('tool_call_finished').map((event) => event.status)).toEqual(['ok', 'ok']);
    expect(of('tool_call_finished')[1]!.result).toMatchObject({ rows: [['600']] });
    expect(of('tool_call_finished')[1]!.summary).toBe('1 row');
    // The card gets the tool's output schema and exactly the text the model was given.
    expect(of('tool_call_finished')[1]!.outputSchema).toMatchObject({ properties: { rows: { type: 'array' } } });
    const given = fake.requests.at(-1)!.messages.at(-1)!.content as Array<{ type: string; content: string }>;
    expect(of('tool_call_finished')[1]!.modelText).toBe(given[0]!.content);
    expect(
      of('text_delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('Counting.There are 600 orders.');
    expect(of('done')).toEqual([{ type: 'done', stopReason: 'end_turn' }]);
    expect(of('usage')[0]!.inputTokens).toBeGreaterThan(0);
    expect(result.messages).toHaveLength(6);
    // Each message the run added was handed over as it came, in order.
    expect(added).toEqual(result.messages.slice(question.length));
    // Tools are namespaced, described with their datasource, sorted, and the prefix is cached.
    const request = fake.requests.at(-1)!;
    expect(request.tools!.map((tool) => tool.name)).toEqual([
      'mysql__describe_table',
      'mysql__execute_query',
      'mysql__execute_statement',
      'mysql__get_table_stats',
      'mysql__list_databases',
      'mysql__list_tables',
      's3__head_object',
      's3__list_buckets',
      's3__list_objects',
      's3__read_object',
      's3__search_objects',
    ]);
    expect(request.tools![0]!.description).toMatch(/^\[Shop database\] /);
    expect(request.tools!.at(-1)!.cache_control).toEqual({ type: 'ephemeral' });
    expect(JSON.stringify(request.system)).toContain("Today's date is 2026-11-24");
    expect(of('usage')[0]!.cacheReadTokens).toBeGreaterThan(0);
  });

  it('runs the tool calls of one turn concurrently', async () => {
    fake.script(
      {
        content: [
          { type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT COUNT(*) AS n FROM customers' } },
          { type: 'tool_use', name: 's3__list_objects', input: { bucket: 'sample-data', prefix: 'reports/2026/' } },
        ],
      },
      { content: [{ type: 'text', text: 'Both done.' }] },
    );
    const { of } = await run();
    const started = of('tool_call_started');
    expect(started.map((event) => event.datasource).sort()).toEqual(['mysql', 's3']);
    const finished = of('tool_call_finished');
    expect(finished.every((event) => event.status === 'ok')).toBe(true);
    // Both calls started before either finished.
    const order = of('tool_call_started').concat().length;
    expect(order).toBe(2);
    const results = fake.requests.at(-1)!.messages.at(-1)!.content as Array<{ type: string; content: string }>;
    expect(results.map((block) => block.type)).toEqual(['tool_result', 'tool_result']);
    expect(results[1]!.content).toContain('reports/2026/sales-q3.csv');
  });

  it('asks before a write and never runs it when denied', async () => {
    const admin = await mysql.createConnection(process.env.TEST_MARIADB_URL!);
    const count = async () =>
      ((await admin.query('SELECT COUNT(*) AS n FROM shop.customers'))[0] as Array<{ n: number }>)[0]!.n;
    const before = await count();
    const write = {
      type: 'tool_use' as const,
      name: 'mysql__execute_statement',
      input: {
        sql: "INSERT INTO shop.customers (email, name, country, created_at) VALUES ('new@example.com', 'New', 'US', NOW())",
      },
    };
    fake.script({ content: [write] }, { content: [{ type: 'text', text: 'Not done.' }] });
    const denied = await run({ approve: async () => false });
    expect(denied.of('approval_required')).toEqual([
      expect.objectContaining({ tool: 'execute_statement', destructive: true }),
    ]);
    expect(denied.of('tool_call_finished')[0]).toMatchObject({
      status: 'denied',
      modelText: expect.stringMatching(/^The user denied this action/),
    });
    expect(denied.of('tool_call_started')).toEqual([]);
    expect(await count()).toBe(before);
    expect(JSON.stringify(fake.requests.at(-1)!.messages.at(-1))).toContain('The user denied this action');

    fake.script({ content: [write] }, { content: [{ type: 'text', text: 'Added.' }] });
    const approved = await run({ approve: async (request) => request.tool === 'execute_statement' });
    expect(approved.of('tool_call_finished')[0]).toMatchObject({ status: 'ok' });
    expect(await count()).toBe(before + 1);
    await admin.query("DELETE FROM shop.customers WHERE email = 'new@example.com'");
    await admin.end();
  });

  it('cancels mid-stream, keeping the partial text', async () => {
    fake.script({
      content: [{ type: 'text', text: 'A long answer that streams slowly and will be cut off by the user.' }],
      delayMs: 50,
    });
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    const result = await runChat({
      hub,
      anthropic,
      messages: question,
      datasources: ['mysql'],
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'text_delta') controller.abort();
      },
    });
    expect(events.filter((event) => event.type === 'error')).toEqual([expect.objectContaining({ code: 'cancelled' })]);
    expect(result.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text', text: 'A long answe' }],
    });
  });

  it('cancels a running tool call, and the statement stops on the server', async () => {
    fake.script({
      content: [
        {
          type: 'tool_use',
          name: 'mysql__execute_query',
          input: { sql: 'SELECT COUNT(*) AS cancelled_chat_call FROM events a JOIN events b ON a.kind = b.kind' },
        },
      ],
    });
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    const started = Date.now();
    await runChat({
      hub,
      anthropic,
      messages: question,
      datasources: ['mysql'],
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'tool_call_started') setTimeout(() => controller.abort(), 300);
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'cancelled' });
    expect(events.filter((event) => event.type === 'error')).toEqual([expect.objectContaining({ code: 'cancelled' })]);
    const admin = await mysql.createConnection(process.env.TEST_MARIADB_URL!);
    let running = 1;
    for (let attempt = 0; attempt < 40 && running > 0; attempt += 1) {
      const [rows] = await admin.query(
        // Only this test's statement: other test files run long queries on the same server at the same time.
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT COUNT(*) AS cancelled_chat_call %'",
      );
      running = Number((rows as Array<{ n: number }>)[0]!.n);
      if (running > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.end();
    expect(running).toBe(0);
  });

  it('fails in-flight calls promptly when a connector dies, and restarts it on next use', async () => {
    await hub.tools({ datasourceIds: ['mysql'] });
    fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'mysql__execute_query',
            input: { sql: 'SELECT COUNT(*) AS killed_connector_call FROM events a JOIN events b ON a.kind = b.kind' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'It failed.' }] },
    );
    const started = Date.now();
    const { of } = await run({
      onEvent: function onEvent(event) {
        if (event.type === 'tool_call_started')
          setTimeout(() => process.kill(hub.status('mysql').pid!, 'SIGKILL'), 200);
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const failedCall = of('tool_call_finished')[0]!;
    expect(failedCall).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/Shop database connector failed/),
    });
    expect(failedCall.durationMs).toBeLessThan(5000);
    fake.script(
      { content: [{ type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT 1 AS one' } }] },
      { content: [{ type: 'text', text: 'Back.' }] },
    );
    const again = await run();
    expect(again.of('tool_call_finished')[0]).toMatchObject({ status: 'ok', result: { rows: [[1]] } });
    expect(hub.status('mysql').restarts).toBeGreaterThanOrEqual(1);
  });

  it('retries a 529 and then succeeds', async () => {
    fake.failNext({ kind: 'status', status: 529, retryAfterSeconds: 0 });
    fake.script({ content: [{ type: 'text', text: 'Fine now.' }] });
    const { of } = await run();
    expect(of('error')).toEqual([]);
    expect(
      of('text_delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('Fine now.');
  });

  it('reports overloaded after the retries, and a mid-stream error without retrying tools', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1)
      fake.failNext({ kind: 'status', status: 529, retryAfterSeconds: 0 });
    const overloaded = await run();
    expect(overloaded.of('error')).toEqual([expect.objectContaining({ code: 'overloaded', retryable: true })]);

    fake.script(
      { content: [{ type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT 2 AS two' } }] },
      { content: [{ type: 'text', text: 'The answer is two, as the query shows.' }], failAfterText: 'The answer' },
    );
    const requestsBefore = fake.requests.length;
    const failed = await run();
    expect(failed.of('tool_call_started')).toHaveLength(1);
    expect(failed.of('error')).toEqual([expect.objectContaining({ code: 'overloaded' })]);
    // The stream that failed after its 200 is not retried, and the tool that already ran is not run again.
    expect(fake.requests.length - requestsBefore).toBe(2);
    expect(failed.result.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text', text: 'The answer i' }],
    });
  });

  it('stops at the step limit', async () => {
    const looping = await startFakeAnthropic({
      defaultTurn: () => ({ content: [{ type: 'tool_use', name: 'mysql__list_databases', input: {} }] }),
    });
    try {
      const events: ChatEvent[] = [];
      await runChat({
        hub,
        anthropic: new Anthropic({ apiKey: looping.apiKey, baseURL: looping.baseUrl }),
        messages: question,
        datasources: ['mysql'],
        maxSteps: 3,
        onEvent: (event) => events.push(event),
      });
      expect(events.filter((event) => event.type === 'tool_call_finished')).toHaveLength(3);
      expect(events.filter((event) => event.type === 'error')).toEqual([
        expect.objectContaining({ code: 'step_limit' }),
      ]);
    } finally {
      await looping.stop();
    }
  });

  it('stops before the next model step once the token budget is spent, and not before', async () => {
    const looping = await startFakeAnthropic({
      defaultTurn: () => ({ content: [{ type: 'tool_use', name: 'mysql__list_databases', input: {} }] }),
    });
    try {
      const events: ChatEvent[] = [];
      const result = await runChat({
        hub,
        anthropic: new Anthropic({ apiKey: looping.apiKey, baseURL: looping.baseUrl }),
        messages: question,
        datasources: ['mysql'],
        maxSteps: 50,
        tokenBudget: 1,
        onEvent: (event) => events.push(event),
      });
      // One step always runs; its tokens spend the budget, so no second request is made.
      expect(looping.requests).toHaveLength(1);
      expect(result.stopReason).toBe('token_budget');
      expect(events.filter((event) => event.type === 'error')).toEqual([
        expect.objectContaining({ code: 'token_budget', retryable: false }),
      ]);
      expect(events.at(-1)).toEqual({ type: 'done', stopReason: 'token_budget' });
      const used = result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens;
      expect(used + result.usage.outputTokens).toBeGreaterThanOrEqual(1);

      // A budget that one step cannot spend lets the run go on to the step limit.
      const generous = await runChat({
        hub,
        anthropic: new Anthropic({ apiKey: looping.apiKey, baseURL: looping.baseUrl }),
        messages: question,
        datasources: ['mysql'],
        maxSteps: 3,
        tokenBudget: 10_000_000,
        onEvent: () => {},
      });
      expect(generous.stopReason).toBe('step_limit');
      expect(looping.requests).toHaveLength(4);
    } finally {
      await looping.stop();
    }
  });

  it('cuts an oversized tool result to the token budget with a marker', async () => {
    fake.script(
      { content: [{ type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT * FROM customers' } }] },
      { content: [{ type: 'text', text: 'ok' }] },
    );
    await run({ toolResultTokens: 100 });
    const result = (fake.requests.at(-1)!.messages.at(-1)!.content as Array<{ content: string }>)[0]!.content;
    expect(result.length).toBeLessThanOrEqual(400);
    expect(result).toMatch(/\[truncated by the orchestrator: showing 400 of \d+ characters/);
  });

  it('answers missing_api_key without calling the API, and never leaks the key', async () => {
    const events: ChatEvent[] = [];
    await runChat({
      hub,
      messages: question,
      datasources: ['mysql'],
      environment: {},
      onEvent: (event) => events.push(event),
    });
    expect(events[0]).toMatchObject({ type: 'error', code: 'missing_api_key' });

    const wrong = await run({
      anthropic: new Anthropic({ apiKey: 'sk-ant-wrong-secret-key', baseURL: fake.baseUrl, maxRetries: 0 }),
    });
    expect(wrong.of('error')).toEqual([expect.objectContaining({ code: 'missing_api_key' })]);
    expect(JSON.stringify(wrong.events)).not.toContain('sk-ant-wrong-secret-key');
  });

  it("tests a datasource: tool count, latency and the connector's own check", async () => {
    const result = await hub.test('mysql');
    expect(result).toMatchObject({ status: 'ok', toolCount: 6 });
    expect(result.check).toMatch(/^ok: connected to MariaDB/);
    const broken = createConnectorHub({
      datasources: [mysqlDatasource({ MYSQL_URL: 'mysql://nobody:wrong@127.0.0.1:1/shop' })],
    });
    const failed = await broken.test('mysql');
    expect(failed).toMatchObject({ status: 'error', toolCount: 5 });
    expect(failed.error).toMatch(/UPSTREAM_UNAVAILABLE/);
    expect(failed.error).not.toContain('wrong');
    await broken.close();
  });
});
