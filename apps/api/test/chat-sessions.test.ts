import { waitFor } from '@connectormcp/services';
import request from 'supertest';
import {
  datasourcesResponseSchema,
  sessionDetailSchema,
  statusResponseSchema,
  toolRunResponseSchema,
  type Datasource,
  type SessionDetail,
} from '../src/contracts/index.js';
import { expectContract } from './expect-contract.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

describe('datasource health, chat selection, reopened runs and edit-and-re-run, over real HTTP', () => {
  let bed: ApiTestBed;
  const alice = as(testKeys.alice);
  const bob = as(testKeys.bob);
  beforeAll(async () => {
    bed = await startApiTestBed();
  }, 180_000);
  afterAll(() => bed?.stop());

  const session = async (id: string): Promise<SessionDetail> =>
    expectContract(
      sessionDetailSchema,
      (await request(bed.app).get(`/api/chat/sessions/${id}`).set(alice).expect(200)).body,
    );
  const country = async (id: number) => {
    const answer = await request(bed.app)
      .post('/api/datasources/shop/tools/execute_query')
      .set(alice)
      .send({ arguments: { sql: `SELECT country FROM customers WHERE id = ${id}` } })
      .expect(200);
    return (answer.body.structuredContent as { rows: unknown[][] }).rows[0]![0];
  };

  it("reports each datasource's health from its source, with the reason when it is unreachable", async () => {
    let datasources: Datasource[] = [];
    await waitFor({
      probe: async () => {
        datasources = expectContract(
          datasourcesResponseSchema,
          (await request(bed.app).get('/api/datasources').set(alice).expect(200)).body,
        ).datasources;
        return datasources.every((datasource) => datasource.health.status !== 'checking');
      },
      description: 'the first health checks',
      timeoutMs: 60_000,
    });
    const [shop, offline] = datasources;
    expect(shop!.health).toMatchObject({ status: 'connected', reason: null, checkedAt: expect.any(String) });
    expect(offline!.health.status).toBe('unreachable');
    expect(offline!.health.reason).toEqual(expect.any(String));
    // The reason names the problem, never the credentials in the connection URL.
    const password = decodeURIComponent(new URL(bed.mariadb.url).password);
    expect(JSON.stringify(offline)).not.toContain(password);
    // Examples come from the datasource's configuration, else its kind's defaults.
    expect(shop!.examples).toEqual(['How many orders came in today?']);
    expect(offline!.examples.length).toBeGreaterThan(0);
    const executeQuery = shop!.tools.find((tool) => tool.name === 'execute_query')!;
    expect(executeQuery).toMatchObject({ readOnly: true, description: expect.stringMatching(/\S/) });
    expect(executeQuery.inputSchema).toMatchObject({ type: 'object', properties: { sql: expect.any(Object) } });
    expect(executeQuery.outputSchema).toMatchObject({ type: 'object' });
    expect(shop!.tools.find((tool) => tool.name === 'execute_statement')).toMatchObject({ readOnly: false });

    // The connection test refreshes the health it reports.
    const test = await request(bed.app).get('/api/datasources/offline/test').set(alice).expect(200);
    expect(test.body).toMatchObject({ datasourceId: 'offline', status: 'error' });
    expect(bed.hub.health('offline').status).toBe('unreachable');
  });

  it('says whether the chat can answer before anything is sent', async () => {
    expect(
      expectContract(statusResponseSchema, (await request(bed.app).get('/api/status').set(alice).expect(200)).body),
    ).toEqual({ chat: { available: true, code: null, message: null, model: expect.any(String) } });
    const withoutKey = bed.appWith({ environment: { ANTHROPIC_MODEL: 'claude-test-model' } });
    expect((await request(withoutKey).get('/api/status').set(alice).expect(200)).body).toEqual({
      chat: {
        available: false,
        code: 'missing_api_key',
        message: expect.stringContaining('ANTHROPIC_API_KEY'),
        model: 'claude-test-model',
      },
    });
    await request(withoutKey).get('/api/status').expect(401);
  });

  it('keeps the datasource selection with the chat, and validates it', async () => {
    const created = await request(bed.app)
      .post('/api/chat/sessions')
      .set(alice)
      .send({ title: 'Selection', datasources: ['shop', 'offline'] })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.datasources).toEqual(['shop', 'offline']);
    const patched = await request(bed.app)
      .patch(`/api/chat/sessions/${id}`)
      .set(alice)
      .send({ datasources: ['offline', 'offline'] })
      .expect(200);
    expect(patched.body).toMatchObject({ title: 'Selection', datasources: ['offline'] });
    expect((await session(id)).datasources).toEqual(['offline']);

    const refused = async (body: unknown, status: number, code: string) => {
      const answer = await request(bed.app)
        .patch(`/api/chat/sessions/${id}`)
        .set(alice)
        .send(body as object);
      expect([answer.status, answer.body.error.code]).toEqual([status, code]);
    };
    await refused({ datasources: ['nope'] }, 400, 'unknown_datasource');
    await refused({}, 400, 'invalid_request');
    await refused({ datasources: 'shop' }, 400, 'invalid_request');
    await refused({ datasources: ['../../etc'] }, 400, 'invalid_request');
    await refused({ datasources: Array.from({ length: 21 }, () => 'shop') }, 400, 'invalid_request');
    await refused({ title: 'x', owner: 'bob' }, 400, 'invalid_request');
    await refused({ title: 'x'.repeat(300_000) }, 413, 'payload_too_large');
    await request(bed.app)
      .patch(`/api/chat/sessions/${id}`)
      .set(bob)
      .send({ datasources: ['shop'] })
      .expect(404);
    await request(bed.app)
      .post('/api/chat/sessions')
      .set(alice)
      .send({ datasources: ['nope'] })
      .expect(400);
    expect((await session(id)).datasources).toEqual(['offline']);

    // Asking saves the selection asked with; the model sees only those datasources' tools.
    bed.fake.script({ content: [{ type: 'text', text: 'Only the shop.' }] });
    await request(bed.app)
      .post('/api/chat/message')
      .set(alice)
      .send({ sessionId: id, message: 'Which tools?', datasources: ['shop'] })
      .expect(200);
    expect((await session(id)).datasources).toEqual(['shop']);
    const tools = bed.fake.requests.at(-1)!.tools!.map((tool) => tool.name);
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((name) => name.startsWith('shop__'))).toBe(true);
  });

  it("stores each run's question, tokens and cost, and the error that ended it, for reopened chats", async () => {
    bed.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELECT * FROM no_such_table' } }] },
      { content: [{ type: 'text', text: 'That table does not exist.' }] },
    );
    const events = await bed.stream({
      path: '/api/chat/message',
      body: { message: 'Show the missing table', datasources: ['shop'] },
    });
    const sessionId = events[0]!.sessionId as string;
    const finished = events.find((event) => event.type === 'tool_call_finished')!;
    const usage = events.find((event) => event.type === 'usage')!;
    let detail = await session(sessionId);
    expect(detail.runs).toEqual([
      {
        id: events[0]!.runId,
        kind: 'chat',
        status: 'finished',
        createdAt: expect.any(String),
        finishedAt: expect.any(String),
        usage: {
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheReadTokens: usage.cacheReadTokens,
          cacheWriteTokens: usage.cacheWriteTokens,
          estimatedCostUsd: usage.estimatedCostUsd,
        },
        error: null,
        question: 'Show the missing table',
      },
    ]);
    expect(detail.runs[0]!.usage!.inputTokens).toBeGreaterThan(0);
    expect(detail.latestRun).toEqual(detail.runs[0]);
    // The tool call as the card showed it: its error code and the text the model read.
    expect(detail.toolCalls).toEqual([
      expect.objectContaining({
        runId: events[0]!.runId,
        status: 'error',
        errorCode: finished.errorCode,
        modelText: finished.modelText,
      }),
    ]);
    expect(detail.toolCalls[0]!.errorCode).toMatch(/^[A-Z_]+$/);

    // A run the model refused (overloaded) failed, and says so with whether to retry.
    bed.fake.failNext({ kind: 'status', status: 529 });
    await request(bed.app)
      .post('/api/chat/message')
      .set(alice)
      .send({ sessionId, message: 'And now?', datasources: ['shop'] })
      .expect(200);
    detail = await session(sessionId);
    expect(detail.latestRun).toMatchObject({
      status: 'failed',
      question: 'And now?',
      error: { code: 'overloaded', retryable: true },
      finishedAt: expect.any(String),
    });

    // A run that never reached the model (no key) is stored with its error, so a reopened chat offers Retry.
    const withoutKey = bed.appWith({});
    const answer = await request(withoutKey)
      .post('/api/chat/message')
      .set(alice)
      .send({ message: 'Is anyone there?', datasources: ['shop'] })
      .expect(200);
    const failed = await session(answer.body.sessionId as string);
    expect(failed.messages.map((message) => message.content)).toEqual(['Is anyone there?']);
    expect(failed.runs).toEqual([
      expect.objectContaining({
        status: 'failed',
        usage: null,
        question: 'Is anyone there?',
        error: { code: 'missing_api_key', message: expect.stringContaining('ANTHROPIC_API_KEY'), retryable: false },
      }),
    ]);
  });

  it('runs the explorer with the error code, the text the model would read and the output schema', async () => {
    const ok = expectContract(
      toolRunResponseSchema,
      (
        await request(bed.app)
          .post('/api/datasources/shop/tools/execute_query')
          .set(alice)
          .send({ arguments: { sql: 'SELECT id FROM customers ORDER BY id LIMIT 3' } })
          .expect(200)
      ).body,
    );
    expect(ok).toMatchObject({ isError: false, errorCode: null, outputSchema: { type: 'object' } });
    expect((ok.structuredContent as { rows: unknown[] }).rows).toHaveLength(3);
    expect(ok.modelText).toContain('3');
    const failed = expectContract(
      toolRunResponseSchema,
      (
        await request(bed.app)
          .post('/api/datasources/shop/tools/execute_query')
          .set(alice)
          .send({ arguments: { sql: 'SELECT * FROM no_such_table' } })
          .expect(200)
      ).body,
    );
    expect(failed.isError).toBe(true);
    expect(failed.errorCode).toMatch(/^[A-Z_]+$/);
    expect(failed.modelText).toContain(failed.errorCode!);
    const forged = await request(bed.app)
      .post('/api/datasources/shop/tools/execute_query')
      .set(alice)
      .send({ arguments: ['SELECT 1'] })
      .expect(400);
    expect(forged.body.error.code).toBe('invalid_request');
  });

  it('re-runs one read at once, records it in the session and the audit log', async () => {
    const { id } = (await request(bed.app).post('/api/chat/sessions').set(alice).send({ title: 'Re-run' }).expect(201))
      .body as { id: string };
    const events = await bed.stream({
      path: `/api/chat/sessions/${id}/tool-calls`,
      body: { datasource: 'shop', tool: 'execute_query', arguments: { sql: 'SELECT COUNT(*) AS n FROM customers' } },
    });
    expect(events.map((event) => event.type)).toEqual(['run', 'tool_call_started', 'tool_call_finished', 'done']);
    expect(events[0]).toEqual({ type: 'run', runId: expect.any(String), sessionId: id });
    const finished = events[2]!;
    expect(finished).toMatchObject({
      status: 'ok',
      result: { rows: [['120']] },
      modelText: expect.stringContaining('120'),
    });
    const detail = await session(id);
    expect(detail.runs).toEqual([
      expect.objectContaining({
        id: events[0]!.runId,
        kind: 'tool_call',
        status: 'finished',
        question: null,
        usage: null,
      }),
    ]);
    expect(detail.toolCalls).toEqual([
      expect.objectContaining({
        id: finished.id,
        runId: events[0]!.runId,
        tool: 'execute_query',
        arguments: { sql: 'SELECT COUNT(*) AS n FROM customers' },
        status: 'ok',
        modelText: finished.modelText,
      }),
    ]);
    // The model's history is untouched: a re-run is not a turn of the conversation.
    expect(detail.messages).toEqual([]);
    const audit = await bed.database.query<{ actor: string; tool: string; status: string }>(
      "SELECT actor, tool, status FROM audit_log WHERE arguments->>'sql' = 'SELECT COUNT(*) AS n FROM customers'",
    );
    expect(audit).toEqual([expect.objectContaining({ tool: 'execute_query', status: 'ok' })]);
  });

  it('re-runs a write only after a human approves it; denied or abandoned, it never runs', async () => {
    const { id } = (await request(bed.app).post('/api/chat/sessions').set(alice).send({ title: 'Writes' }).expect(201))
      .body as { id: string };
    const write = (countryCode: string) => ({
      datasource: 'shop',
      tool: 'execute_statement',
      arguments: { sql: `UPDATE customers SET country = '${countryCode}' WHERE id = 3` },
    });
    const before = await country(3);

    const denied = await bed.stream({
      path: `/api/chat/sessions/${id}/tool-calls`,
      body: write('XA'),
      onEvent: async (event) => {
        if (event.type !== 'approval_required') return;
        // Another key cannot answer it.
        await request(bed.app)
          .post(`/api/chat/approvals/${event.id as string}`)
          .set(bob)
          .send({ approve: true })
          .expect(404);
        await request(bed.app)
          .post(`/api/chat/approvals/${event.id as string}`)
          .set(alice)
          .send({ approve: false })
          .expect(204);
      },
    });
    expect(denied.map((event) => event.type)).toEqual(['run', 'approval_required', 'tool_call_finished', 'done']);
    expect(denied[2]).toMatchObject({ status: 'denied' });
    expect(await country(3)).toBe(before);

    // The client goes away while the approval is pending: the run ends and the write never runs.
    const controller = new AbortController();
    let runId = '';
    await bed
      .stream({
        path: `/api/chat/sessions/${id}/tool-calls`,
        body: write('XB'),
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'run') runId = event.runId as string;
          if (event.type === 'approval_required') controller.abort();
        },
      })
      .catch(() => {});
    await waitFor({
      probe: async () => (await session(id)).runs.find((run) => run.id === runId)?.status === 'cancelled',
      description: 'the abandoned run to end',
      timeoutMs: 30_000,
    });
    expect(await country(3)).toBe(before);

    const approved = await bed.stream({
      path: `/api/chat/sessions/${id}/tool-calls`,
      body: write('XC'),
      onEvent: async (event) => {
        if (event.type === 'approval_required')
          await request(bed.app)
            .post(`/api/chat/approvals/${event.id as string}`)
            .set(alice)
            .send({ approve: true })
            .expect(204);
      },
    });
    expect(approved.map((event) => event.type)).toEqual([
      'run',
      'approval_required',
      'tool_call_started',
      'tool_call_finished',
      'done',
    ]);
    expect(approved[3]).toMatchObject({ status: 'ok' });
    expect(await country(3)).toBe('XC');
    expect((await session(id)).toolCalls.map((call) => call.status)).toEqual(['denied', 'denied', 'ok']);
  });

  it('refuses forged, oversized and unknown re-run requests before anything runs', async () => {
    const { id } = (
      await request(bed.app).post('/api/chat/sessions').set(alice).send({ title: 'Refusals' }).expect(201)
    ).body as { id: string };
    const refused = async ({
      path = `/api/chat/sessions/${id}/tool-calls`,
      key = testKeys.alice,
      body,
      status,
      code,
    }: {
      path?: string;
      key?: string;
      body: unknown;
      status: number;
      code: string;
    }) => {
      const answer = await request(bed.app)
        .post(path)
        .set(as(key))
        .send(body as object);
      expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    };
    const read = { datasource: 'shop', tool: 'list_databases', arguments: {} };
    await refused({ body: { ...read, datasource: 'nope' }, status: 400, code: 'unknown_datasource' });
    await refused({ body: { ...read, datasource: '../shop' }, status: 400, code: 'invalid_request' });
    await refused({ body: { ...read, tool: 'drop_everything' }, status: 404, code: 'not_found' });
    await refused({ body: { ...read, tool: '' }, status: 400, code: 'invalid_request' });
    await refused({ body: { ...read, arguments: ['x'] }, status: 400, code: 'invalid_request' });
    await refused({
      body: { ...read, arguments: { sql: 'x'.repeat(300_000) } },
      status: 413,
      code: 'payload_too_large',
    });
    await refused({
      path: '/api/chat/sessions/00000000-0000-4000-8000-000000000000/tool-calls',
      body: read,
      status: 404,
      code: 'not_found',
    });
    await refused({ key: testKeys.bob, body: read, status: 404, code: 'not_found' });
    expect((await session(id)).runs).toEqual([]);
  });
});
