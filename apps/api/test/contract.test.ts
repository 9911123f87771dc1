import request from 'supertest';
import {
  apiErrorBodySchema,
  chatJsonResponseSchema,
  chatStreamEventSchema,
  connectionTestSchema,
  datasourcesResponseSchema,
  sessionDetailSchema,
  sessionsResponseSchema,
  sessionSummarySchema,
  statusResponseSchema,
  toolRunResponseSchema,
} from '../src/contracts/index.js';
import { expectContract } from './expect-contract.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

// Every route's real answer, held against its schema in src/contracts: a response that drifts from the
// contract the web imports (a field renamed, recased, added or dropped) fails here.
describe('every API response matches its contract', () => {
  let bed: ApiTestBed;
  const alice = as(testKeys.alice);
  beforeAll(async () => {
    bed = await startApiTestBed();
  }, 180_000);
  afterAll(() => bed?.stop());

  it('status, datasources, the connection test and the explorer', async () => {
    expectContract(statusResponseSchema, (await request(bed.app).get('/api/status').set(alice).expect(200)).body);
    const list = expectContract(
      datasourcesResponseSchema,
      (await request(bed.app).get('/api/datasources').set(alice).expect(200)).body,
    );
    expect(list.datasources.map((datasource) => datasource.id)).toEqual(['shop', 'offline']);
    expectContract(
      connectionTestSchema,
      (await request(bed.app).get('/api/datasources/shop/test').set(alice).expect(200)).body,
    );
    expectContract(
      connectionTestSchema,
      (await request(bed.app).get('/api/datasources/offline/test').set(alice).expect(200)).body,
    );
    for (const sql of ['SELECT id, name FROM customers ORDER BY id LIMIT 2', 'SELECT * FROM no_such_table'])
      expectContract(
        toolRunResponseSchema,
        (
          await request(bed.app)
            .post('/api/datasources/shop/tools/execute_query')
            .set(alice)
            .send({ arguments: { sql } })
            .expect(200)
        ).body,
      );
    expectContract(
      apiErrorBodySchema,
      (await request(bed.app).get('/api/datasources/nope/test').set(alice).expect(404)).body,
    );
  });

  it('sessions: created, listed, updated, read in detail, and their errors', async () => {
    const created = expectContract(
      sessionSummarySchema,
      (
        await request(bed.app)
          .post('/api/chat/sessions')
          .set(alice)
          .send({ title: 'Contract', datasources: ['shop'] })
          .expect(201)
      ).body,
    );
    expectContract(
      sessionsResponseSchema,
      (await request(bed.app).get('/api/chat/sessions').set(alice).expect(200)).body,
    );
    expectContract(
      sessionSummarySchema,
      (
        await request(bed.app)
          .patch(`/api/chat/sessions/${created.id}`)
          .set(alice)
          .send({ datasources: ['shop', 'offline'] })
          .expect(200)
      ).body,
    );
    expectContract(
      sessionDetailSchema,
      (await request(bed.app).get(`/api/chat/sessions/${created.id}`).set(alice).expect(200)).body,
    );
    expectContract(
      apiErrorBodySchema,
      (await request(bed.app).patch(`/api/chat/sessions/${created.id}`).set(alice).send({}).expect(400)).body,
    );
  });

  it('chat runs as JSON and as Server-Sent Events, one tool call re-run, and the session they leave', async () => {
    bed.fake.script(
      {
        content: [
          { type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELECT COUNT(*) AS n FROM orders' } },
        ],
      },
      { content: [{ type: 'text', text: 'There are 600 orders.' }] },
    );
    const json = expectContract(
      chatJsonResponseSchema,
      (
        await request(bed.app)
          .post('/api/chat/message')
          .set(alice)
          .send({ message: 'How many orders?', datasources: ['shop'] })
          .expect(200)
      ).body,
    );
    expect(json.answer).toBe('There are 600 orders.');

    bed.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELEC 1' } }] },
      { content: [{ type: 'text', text: 'That query failed.' }] },
    );
    const events = await bed.stream({
      path: '/api/chat/message',
      body: { sessionId: json.sessionId, message: 'Try a typo', datasources: ['shop'] },
    });
    for (const event of events) expectContract(chatStreamEventSchema, event);
    expect(events[0]).toEqual({ type: 'run', runId: expect.any(String), sessionId: json.sessionId });

    const rerun = await bed.stream({
      path: `/api/chat/sessions/${json.sessionId}/tool-calls`,
      body: { datasource: 'shop', tool: 'list_tables', arguments: { database: 'shop' } },
    });
    for (const event of rerun) expectContract(chatStreamEventSchema, event);
    expect(rerun.map((event) => event.type)).toEqual(['run', 'tool_call_started', 'tool_call_finished', 'done']);

    const session = expectContract(
      sessionDetailSchema,
      (await request(bed.app).get(`/api/chat/sessions/${json.sessionId}`).set(alice).expect(200)).body,
    );
    expect(session.runs.map((run) => run.kind)).toEqual(['chat', 'chat', 'tool_call']);
    expect(session.toolCalls).toHaveLength(3);
  });
});
