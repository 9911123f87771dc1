import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createChatStore } from '../src/database/chat-store.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

describe('the API over real connectors, a real database and the fake Anthropic API', () => {
  let bed: ApiTestBed;
  beforeAll(async () => {
    bed = await startApiTestBed();
  }, 180_000);
  afterAll(() => bed?.stop());

  const streamChat = (body: unknown, onEvent?: (event: Record<string, unknown>) => Promise<void> | void) =>
    bed.stream({ path: '/api/chat/message', body, onEvent });

  it('answers health checks and unknown routes with JSON errors', async () => {
    await request(bed.app).get('/healthz').expect(200, { status: 'ok' });
    await request(bed.app).get('/readyz').expect(200);
    const missing = await request(bed.app).get('/api/nothing').set(as(testKeys.alice)).expect(404);
    expect(missing.body).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/nothing.', details: null },
    });
  });

  it("requires an API key and keeps each key's sessions to itself", async () => {
    await request(bed.app).get('/api/chat/sessions').expect(401);
    await request(bed.app).get('/api/chat/sessions').set(as('wrong-key')).expect(401);
    const created = await request(bed.app)
      .post('/api/chat/sessions')
      .set(as(testKeys.alice))
      .send({ title: 'Alice only' })
      .expect(201);
    const id = created.body.id as string;
    expect((await request(bed.app).get('/api/chat/sessions').set(as(testKeys.bob)).expect(200)).body.sessions).toEqual(
      [],
    );
    await request(bed.app).get(`/api/chat/sessions/${id}`).set(as(testKeys.bob)).expect(404);
    await request(bed.app)
      .patch(`/api/chat/sessions/${id}`)
      .set(as(testKeys.alice))
      .send({ title: 'Renamed' })
      .expect(200);
    expect(
      (await request(bed.app).get(`/api/chat/sessions/${id}`).set(as(testKeys.alice)).expect(200)).body,
    ).toMatchObject({
      title: 'Renamed',
      messages: [],
    });
    await request(bed.app).delete(`/api/chat/sessions/${id}`).set(as(testKeys.bob)).expect(404);
    await request(bed.app).delete(`/api/chat/sessions/${id}`).set(as(testKeys.alice)).expect(204);
  });

  it('validates bodies and names the problem', async () => {
    const bad = await request(bed.app)
      .post('/api/chat/message')
      .set(as(testKeys.alice))
      .send({ message: '', datasources: [] })
      .expect(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['message', 'datasources']);
    const unknown = await request(bed.app)
      .post('/api/chat/message')
      .set(as(testKeys.alice))
      .send({ message: 'hi', datasources: ['nope'] })
      .expect(400);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_datasource' });
    await request(bed.app)
      .post('/api/chat/sessions')
      .set(as(testKeys.alice))
      .set('content-type', 'application/json')
      .send('{"title":')
      .expect(400);
    await request(bed.app)
      .post('/api/chat/sessions')
      .set(as(testKeys.alice))
      .send({ title: 'x'.repeat(300_000) })
      .expect(413);
  });

  it('lists datasources with their tools, tests them, and runs read-only tools in the explorer', async () => {
    const list = await request(bed.app).get('/api/datasources').set(as(testKeys.alice)).expect(200);
    expect(list.body.datasources[0]).toMatchObject({ id: 'shop', writes: true, health: expect.any(Object) });
    expect(list.body.datasources[0].tools.map((tool: { name: string }) => tool.name)).toContain('execute_query');
    expect(
      (await request(bed.app).get('/api/datasources/shop/test').set(as(testKeys.alice)).expect(200)).body,
    ).toMatchObject({
      status: 'ok',
      toolCount: 6,
    });
    const run = await request(bed.app)
      .post('/api/datasources/shop/tools/execute_query')
      .set(as(testKeys.alice))
      .send({ arguments: { sql: 'SELECT COUNT(*) AS n FROM orders' } })
      .expect(200);
    expect(run.body.structuredContent).toMatchObject({ rows: [['600']] });
    expect(run.body).toMatchObject({ isError: false, errorCode: null, durationMs: expect.any(Number) });
    expect(run.body.modelText).toContain('600');
    await request(bed.app)
      .post('/api/datasources/shop/tools/execute_statement')
      .set(as(testKeys.alice))
      .send({ arguments: { sql: 'DELETE FROM orders' } })
      .expect(403);
  });

  it('answers as JSON when no stream is asked for, and stores the conversation and its tool calls', async () => {
    bed.fake.script(
      {
        content: [
          { type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELECT COUNT(*) AS n FROM customers' } },
        ],
      },
      { content: [{ type: 'text', text: 'You have 120 customers.' }] },
    );
    const response = await request(bed.app)
      .post('/api/chat/message')
      .set(as(testKeys.alice))
      .send({ message: 'How many customers?', datasources: ['shop'] })
      .expect(200);
    expect(response.body.answer).toBe('You have 120 customers.');
    const session = (
      await request(bed.app).get(`/api/chat/sessions/${response.body.sessionId}`).set(as(testKeys.alice)).expect(200)
    ).body;
    expect(session.title).toBe('How many customers?');
    expect(session.messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(session.toolCalls).toEqual([
      expect.objectContaining({
        datasource: 'shop',
        tool: 'execute_query',
        status: 'ok',
        // The structured result is kept, so a reopened chat shows the table again.
        result: expect.objectContaining({ rows: [['120']] }),
      }),
    ]);
  });

  it('streams events as SSE and waits for a human before a write', async () => {
    bed.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: "UPDATE customers SET country = 'NL' WHERE id = 1" },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Updated.' }] },
    );
    const events = await streamChat({ message: 'Move customer 1 to NL', datasources: ['shop'] }, async (event) => {
      if (event.type === 'approval_required')
        await request(bed.app)
          .post(`/api/chat/approvals/${event.id as string}`)
          .set(as(testKeys.alice))
          .send({ approve: true })
          .expect(204);
    });
    expect(events[0]).toMatchObject({ type: 'run' });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'approval_required',
        'tool_call_started',
        'tool_call_finished',
        'text_delta',
        'usage',
        'done',
      ]),
    );
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });

    bed.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_statement', input: { sql: 'DELETE FROM order_items' } }] },
      { content: [{ type: 'text', text: 'Not done.' }] },
    );
    const denied = await streamChat({ message: 'Delete all items', datasources: ['shop'] }, async (event) => {
      if (event.type === 'approval_required')
        await request(bed.app)
          .post(`/api/chat/approvals/${event.id as string}`)
          .set(as(testKeys.bob))
          .send({ approve: true })
          .expect(404);
      if (event.type === 'approval_required')
        await request(bed.app)
          .post(`/api/chat/approvals/${event.id as string}`)
          .set(as(testKeys.alice))
          .send({ approve: false })
          .expect(204);
    });
    expect(denied.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'denied' });
  });

  it('cancels a run on request', async () => {
    bed.fake.script({
      content: [{ type: 'text', text: 'A slow answer that the user will stop halfway through, on purpose.' }],
      delayMs: 40,
    });
    const events = await streamChat({ message: 'Tell me slowly', datasources: ['shop'] }, async (event) => {
      if (event.type === 'run')
        await request(bed.app)
          .post(`/api/chat/runs/${event.runId as string}/cancel`)
          .set(as(testKeys.alice))
          .expect(204);
    });
    expect(events.find((event) => event.type === 'error')).toMatchObject({ code: 'cancelled' });
  });

  it('takes approvals and cancels through another instance on the same database', async () => {
    // A second instance: its own run registry and connectors, the same database. Requests to it stand for
    // a load balancer sending the approval somewhere else than the running chat.
    const other = bed.appWith({});
    bed.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: "UPDATE customers SET country = 'BE' WHERE id = 2" },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Moved.' }] },
    );
    let sessionId = '';
    const approved = await streamChat({ message: 'Move customer 2 to BE', datasources: ['shop'] }, async (event) => {
      if (event.type === 'run') sessionId = event.sessionId as string;
      if (event.type !== 'approval_required') return;
      await request(other)
        .post(`/api/chat/approvals/${event.id as string}`)
        .set(as(testKeys.bob))
        .send({ approve: true })
        .expect(404);
      await request(other)
        .post(`/api/chat/approvals/${event.id as string}`)
        .set(as(testKeys.alice))
        .send({ approve: true })
        .expect(204);
      // The first answer stands.
      const again = await request(other)
        .post(`/api/chat/approvals/${event.id as string}`)
        .set(as(testKeys.alice))
        .send({ approve: false })
        .expect(409);
      expect(again.body.error.code).toBe('already_decided');
    });
    expect(approved.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });
    const session = (await request(other).get(`/api/chat/sessions/${sessionId}`).set(as(testKeys.alice)).expect(200))
      .body;
    expect(session.latestRun).toMatchObject({ status: 'finished' });

    bed.fake.script({
      content: [{ type: 'text', text: `A slow answer, stopped from elsewhere: ${'and more '.repeat(300)}` }],
      delayMs: 300,
    });
    let runId = '';
    const cancelled = await streamChat({ message: 'Slowly again', datasources: ['shop'] }, async (event) => {
      if (event.type === 'run') runId = event.runId as string;
      if (event.type === 'text_delta' && runId) {
        const id = runId;
        runId = '';
        await request(other).post(`/api/chat/runs/${id}/cancel`).set(as(testKeys.bob)).expect(404);
        await request(other).post(`/api/chat/runs/${id}/cancel`).set(as(testKeys.alice)).expect(204);
      }
    });
    expect(cancelled.find((event) => event.type === 'error')).toMatchObject({ code: 'cancelled' });
    const finishedRun = cancelled[0]!.runId as string;
    const late = await request(other).post(`/api/chat/runs/${finishedRun}/cancel`).set(as(testKeys.alice)).expect(409);
    expect(late.body.error.code).toBe('run_finished');
  });

  it('reports a missing Anthropic key as an event, while the explorer keeps working', async () => {
    const withoutKey = bed.appWith({ apiKeys: [] });
    const response = await request(withoutKey)
      .post('/api/chat/message')
      .send({ message: 'hi', datasources: ['shop'] })
      .expect(200);
    expect(response.body.events[0]).toMatchObject({ type: 'error', code: 'missing_api_key' });
    await request(withoutKey)
      .post('/api/datasources/shop/tools/list_tables')
      .send({ arguments: { database: 'shop' } })
      .expect(200);
  });

  it('exposes Prometheus metrics for requests, tool calls and tokens', async () => {
    const metrics = await request(bed.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /connectormcp_http_request_duration_seconds_count\{method="GET",route="\/api\/datasources\/",status="200"\} \d+/,
    );
    expect(metrics.text).toMatch(
      /connectormcp_tool_call_duration_seconds_count\{datasource="shop",tool="execute_query",status="ok"\} [1-9]/,
    );
    expect(metrics.text).toMatch(/connectormcp_tokens_total\{kind="input"\} [1-9]/);
  });

  it('rate limits each key', async () => {
    const limited = bed.appWith({ rateLimitPerMinute: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1)
      await request(limited).get('/api/chat/sessions').set(as(testKeys.alice)).expect(200);
    expect((await request(limited).get('/api/chat/sessions').set(as(testKeys.alice)).expect(429)).body.error.code).toBe(
      'rate_limited',
    );
    await request(limited).get('/api/chat/sessions').set(as(testKeys.bob)).expect(200);
  });

  it('allows browsers from CORS_ORIGINS only, and tells them to load images from the app alone', async () => {
    const browserFacing = bed.appWith({ corsOrigins: ['http://localhost:5173'] });
    const allowed = await request(browserFacing)
      .options('/api/chat/sessions')
      .set('origin', 'http://localhost:5173')
      .set('access-control-request-method', 'POST')
      .expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await request(browserFacing).options('/api/chat/sessions').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const policy = (await request(browserFacing).get('/healthz').expect(200)).headers[
      'content-security-policy'
    ] as string;
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('serves the web build at / and for client routes, keeping /api JSON', async () => {
    const web = await mkdtemp(join(tmpdir(), 'connectormcp-web-'));
    await writeFile(join(web, 'index.html'), '<!doctype html><title>ConnectorMCP</title>');
    const withWeb = bed.appWith({ apiKeys: [], webDirectory: web });
    expect((await request(withWeb).get('/').expect(200)).text).toContain('<title>ConnectorMCP</title>');
    expect((await request(withWeb).get('/sessions/abc').expect(200)).text).toContain('<title>ConnectorMCP</title>');
    expect((await request(withWeb).get('/api/nothing').expect(404)).body.error.code).toBe('not_found');
    await rm(web, { recursive: true, force: true });
  });

  it('keeps sessions and messages across a restart of the database', async () => {
    const session = (
      await request(bed.app).post('/api/chat/sessions').set(as(testKeys.alice)).send({ title: 'Durable' }).expect(201)
    ).body as { id: string };
    await createChatStore({ database: bed.database }).appendMessages({
      sessionId: session.id,
      messages: [{ role: 'user', content: 'remember me' }],
    });
    const reopened = createChatStore({ database: await bed.reopenDatabase() });
    expect(await reopened.messages({ sessionId: session.id })).toEqual([
      expect.objectContaining({ role: 'user', content: 'remember me' }),
    ]);
  });
});
