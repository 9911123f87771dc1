import { createConnectorHub, type ConnectorHub } from '@connectormcp/orchestrator';
import request from 'supertest';
import { savedItemSchema, savedItemsResponseSchema, scheduleSchema } from '../src/contracts/index.js';
import type { ApiApp } from '../src/create-app.js';
import { createMember } from './datasource-test-app.js';
import { expectContract } from './expect-contract.js';
import { recordSchedulerCalls, type SchedulerCall } from './recording-scheduler.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

describe('saved tool calls and questions over HTTP', () => {
  let bed: ApiTestBed;
  let app: ApiApp;
  let calls: SchedulerCall[];
  let samKey: string;

  beforeAll(async () => {
    bed = await startApiTestBed();
    // `offline` is for the ops group only (alice and bob, API_KEYS users, are admins and see everything).
    app = bed.appWith({
      schedules: { runner: false },
      fileDatasources: bed.hub
        .datasources()
        .map((datasource) =>
          datasource.id === 'offline' ? { ...datasource, access: { use: ['ops'], approve: null } } : datasource,
        ),
    });
    calls = recordSchedulerCalls({ app });
    samKey = await createMember({ database: bed.database, id: 'u_sam', name: 'Sam Sales', groups: ['sales'] });
  }, 180_000);
  afterAll(async () => {
    await app?.drain({ graceMs: 0 });
    await bed?.stop();
  });

  const post = (body: unknown, key = testKeys.alice) =>
    request(app)
      .post('/api/saved')
      .set(as(key))
      .send(body as object);
  const list = async (key = testKeys.alice) =>
    expectContract(savedItemsResponseSchema, (await request(app).get('/api/saved').set(as(key)).expect(200)).body)
      .saved;
  const auditActions = async (action: string) =>
    bed.database.query<{ actor: string; detail: Record<string, unknown>; tool: string | null }>(
      'SELECT actor, detail, tool FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );

  it('saves a read-only tool call and lists it, newest first', async () => {
    const sql = 'SELECT name, stock FROM products WHERE stock < 10 ORDER BY name';
    const created = await post({
      name: 'Low stock',
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql },
    }).expect(201);
    const item = expectContract(savedItemSchema, created.body);
    expect(item).toMatchObject({
      kind: 'tool_call',
      name: 'Low stock',
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql },
      schedules: 0,
    });
    expect(item.id).toMatch(/^sv_[0-9a-f]{24}$/);
    expect(Date.now() - Date.parse(item.created_at)).toBeLessThan(60_000);

    const second = expectContract(
      savedItemSchema,
      (await post({ name: '  Tables  ', datasource: 'shop', tool: 'list_tables' }).expect(201)).body,
    );
    // The name is trimmed and the arguments default to none.
    expect(second).toMatchObject({ name: 'Tables', arguments: {} });
    expect((await list()).slice(0, 2).map((saved) => saved.id)).toEqual([second.id, item.id]);

    const [audited] = (await auditActions('saved_create')).filter((entry) => entry.detail.saved_id === item.id);
    expect(audited).toMatchObject({ tool: 'execute_query', detail: { kind: 'tool_call', name: 'Low stock' } });
  });

  it('saves a question over usable datasources, each once', async () => {
    const created = await post({
      name: 'Failed orders',
      question: 'How many orders failed yesterday?',
      datasources: ['shop', 'offline', 'shop'],
    }).expect(201);
    expect(expectContract(savedItemSchema, created.body)).toMatchObject({
      kind: 'question',
      question: 'How many orders failed yesterday?',
      datasources: ['shop', 'offline'],
      schedules: 0,
    });
  });

  it('refuses a tool that can change data, and a tool that does not exist', async () => {
    const before = (await list()).length;
    const write = await post({
      name: 'Restock',
      datasource: 'shop',
      tool: 'execute_statement',
      arguments: { sql: "UPDATE products SET stock = 100 WHERE name = 'Mug'" },
    }).expect(400);
    expect(write.body.error.code).toBe('not_read_only');
    expect(write.body.error.message).toMatch(/^Only read-only tools can be saved/);
    const missing = await post({ name: 'Nope', datasource: 'shop', tool: 'drop_everything' }).expect(404);
    expect(missing.body.error).toEqual({
      code: 'not_found',
      message: 'shop has no tool drop_everything.',
      details: null,
    });
    expect(await list()).toHaveLength(before);
  });

  it('refuses a datasource the caller may not use exactly like an unknown one', async () => {
    const asSam = (datasource: string) =>
      post({ name: 'Peek', datasource, tool: 'execute_query', arguments: { sql: 'SELECT 1' } }, samKey);
    const hidden = await asSam('offline');
    const unknown = await asSam('nowhere');
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.code).toBe('unknown_datasource');
    expect([unknown.status, unknown.body.error.code]).toEqual([hidden.status, hidden.body.error.code]);
    const question = await post(
      { name: 'Peek', question: 'What is in there?', datasources: ['shop', 'offline'] },
      samKey,
    );
    expect([question.status, question.body.error.code]).toEqual([400, 'unknown_datasource']);
    expect(question.body.error.message).toBe('Unknown datasource: offline.');
    // What Sam may use works.
    await asSam('shop').expect(201);
    expect((await list(samKey)).map((saved) => saved.name)).toEqual(['Peek']);
  });

  it('answers 503 when the datasource is down, so its tools cannot be checked', async () => {
    const brokenHub: ConnectorHub = createConnectorHub({
      datasources: [{ id: 'broken', name: 'Broken', command: process.execPath, args: ['-e', 'process.exit(3)'] }],
    });
    const brokenApp = bed.appWith({ hub: brokenHub, schedules: { runner: false } });
    try {
      const answer = await request(brokenApp)
        .post('/api/saved')
        .set(as(testKeys.alice))
        .send({ name: 'Down', datasource: 'broken', tool: 'execute_query', arguments: {} })
        .expect(503);
      expect(answer.body.error.code).toBe('datasource_unavailable');
      expect(answer.body.error.message).toMatch(/^broken is not available right now/);
      // A question is saved without asking the connector: it is checked when it runs.
      await request(brokenApp)
        .post('/api/saved')
        .set(as(testKeys.alice))
        .send({ name: 'Later', question: 'Anything?', datasources: ['broken'] })
        .expect(201);
    } finally {
      await brokenApp.drain({ graceMs: 0 });
      await brokenHub.close();
    }
  });

  it('names the fields of a bad body', async () => {
    const toolCall = await post({ name: '', datasource: 'Shop!', tool: 'execute_query', arguments: [1] }).expect(400);
    expect(toolCall.body.error.code).toBe('invalid_request');
    expect(toolCall.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'name',
      'datasource',
      'arguments',
    ]);
    const question = await post({ name: 'Q', question: ' ', datasources: [] }).expect(400);
    expect(question.body.error.details).toEqual([
      { path: 'question', message: 'the question is empty' },
      { path: 'datasources', message: 'name at least one datasource' },
    ]);
    const mixed = await post({ name: 'Both', tool: 'x', datasource: 'shop', question: 'why?' }).expect(400);
    expect(mixed.body.error.code).toBe('invalid_request');
    expect(mixed.body.error.details.map((detail: { path: string }) => detail.path)).toContain('datasources');
  });

  it('refuses a body over 256 KB with 413 before reading it all', async () => {
    const huge = { name: 'Huge', datasource: 'shop', tool: 'execute_query', arguments: { sql: 'x'.repeat(8_000_000) } };
    const response = await fetch(`${bed.base}/api/saved`, {
      method: 'POST',
      headers: { ...as(testKeys.alice), 'content-type': 'application/json' },
      body: JSON.stringify(huge),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large.', details: null },
    });
  });

  it("keeps each user's items to themselves: another's is not found", async () => {
    const alices = await post({ name: 'Mine', datasource: 'shop', tool: 'list_tables' }).expect(201);
    expect((await list(testKeys.bob)).map((saved) => saved.id)).not.toContain(alices.body.id);
    const asBob = await request(app).delete(`/api/saved/${alices.body.id}`).set(as(testKeys.bob)).expect(404);
    const unknown = await request(app).delete('/api/saved/sv_unknown').set(as(testKeys.bob)).expect(404);
    expect(asBob.body.error.code).toBe(unknown.body.error.code);
    expect(asBob.body.error.message).toBe(`No saved item ${alices.body.id}.`);
    // Bob cannot schedule it either.
    await request(app)
      .post('/api/schedules')
      .set(as(testKeys.bob))
      .send({ saved_id: alices.body.id, cron: '0 3 1 1 *' })
      .expect(404);
    expect((await list()).map((saved) => saved.id)).toContain(alices.body.id);
  });

  it('deletes an item with its schedules, and takes them off the queue', async () => {
    const saved = (await post({ name: 'Scheduled twice', datasource: 'shop', tool: 'list_tables' }).expect(201)).body;
    const schedule = async (cron: string) =>
      expectContract(
        scheduleSchema,
        (
          await request(app)
            .post('/api/schedules')
            .set(as(testKeys.alice))
            .send({ saved_id: saved.id, cron })
            .expect(201)
        ).body,
      ).id;
    const ids = [await schedule('0 3 1 1 *'), await schedule('0 4 1 1 *')];
    expect((await list()).find((item) => item.id === saved.id)?.schedules).toBe(2);
    calls.length = 0;

    await request(app).delete(`/api/saved/${saved.id}`).set(as(testKeys.alice)).expect(204);
    expect(calls).toEqual(expect.arrayContaining(ids.map((scheduleId) => ({ method: 'unregister', scheduleId }))));
    expect(calls).toHaveLength(2);
    for (const id of ids) await request(app).get(`/api/schedules/${id}`).set(as(testKeys.alice)).expect(404);
    expect(await bed.database.query('SELECT id FROM schedules WHERE saved_id = $1', [saved.id])).toEqual([]);
    expect((await list()).map((item) => item.id)).not.toContain(saved.id);
    const [audited] = (await auditActions('saved_delete')).filter((entry) => entry.detail.saved_id === saved.id);
    expect(audited?.detail.schedule_ids).toEqual(expect.arrayContaining(ids));
    await request(app).delete(`/api/saved/${saved.id}`).set(as(testKeys.alice)).expect(404);
  });
});
