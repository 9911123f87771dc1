import request from 'supertest';
import {
  savedItemSchema,
  scheduleRunDetailSchema,
  scheduleRunsResponseSchema,
  scheduleSchema,
  schedulesResponseSchema,
  type RunDiff,
  type RunResult,
  type Schedule,
} from '../src/contracts/index.js';
import type { ApiApp } from '../src/create-app.js';
import { nextRunAt } from '../src/schedules/next-run-at.js';
import { createMember } from './datasource-test-app.js';
import { expectContract } from './expect-contract.js';
import { recordSchedulerCalls, type SchedulerCall } from './recording-scheduler.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

// Due once a year (1 January, 03:00): nothing is due while the tests run, whatever runs the queue.
const yearly = '0 3 1 1 *';

describe('schedules and their runs over HTTP', () => {
  let bed: ApiTestBed;
  let app: ApiApp;
  let calls: SchedulerCall[];
  let savedId: string;

  beforeAll(async () => {
    bed = await startApiTestBed();
    app = bed.appWith({ schedules: { runner: false } });
    calls = recordSchedulerCalls({ app });
    const saved = await request(app)
      .post('/api/saved')
      .set(as(testKeys.alice))
      .send({ name: 'Low stock', datasource: 'shop', tool: 'execute_query', arguments: { sql: 'SELECT 1 AS one' } })
      .expect(201);
    savedId = expectContract(savedItemSchema, saved.body).id;
  }, 180_000);
  afterAll(async () => {
    await app?.drain({ graceMs: 0 });
    await bed?.stop();
  });

  const call = ({
    method,
    path,
    body,
    key = testKeys.alice,
  }: {
    method: 'get' | 'post' | 'patch' | 'delete';
    path: string;
    body?: unknown;
    key?: string;
  }) => {
    const pending = request(app)[method](path).set(as(key));
    return body === undefined ? pending : pending.send(body as object);
  };
  const create = async (body: Record<string, unknown>, key = testKeys.alice): Promise<Schedule> =>
    expectContract(
      scheduleSchema,
      (await call({ method: 'post', path: '/api/schedules', body: { saved_id: savedId, ...body }, key }).expect(201))
        .body,
    );
  const schedulesOf = async (key = testKeys.alice) =>
    expectContract(
      schedulesResponseSchema,
      (await call({ method: 'get', path: '/api/schedules', key }).expect(200)).body,
    ).schedules;

  it('creates a schedule, registers it with the queue, and shows when it runs next', async () => {
    calls.length = 0;
    const schedule = await create({ cron: ' 0   3 1 1 * ', timezone: 'europe/paris' });
    expect(schedule).toMatchObject({
      saved_id: savedId,
      name: 'Low stock',
      kind: 'tool_call',
      cron: yearly,
      timezone: 'Europe/Paris',
      paused: false,
      running_since: null,
      last_run: null,
      alerts: 0,
      last_firing: null,
    });
    expect(schedule.id).toMatch(/^sc_[0-9a-f]{24}$/);
    // 03:00 in Paris in winter is 02:00 UTC.
    expect(schedule.next_run_at).toMatch(/-01-01T02:00:00\.000Z$/);
    expect(schedule.next_run_at).toBe(nextRunAt({ cron: yearly, timezone: 'Europe/Paris' }).toISOString());
    expect(calls).toEqual([
      { method: 'register', schedule: { id: schedule.id, cron: yearly, timezone: 'Europe/Paris', paused: false } },
    ]);
    expect((await schedulesOf()).map((listed) => listed.id)).toContain(schedule.id);
    expect(
      expectContract(
        scheduleSchema,
        (await call({ method: 'get', path: `/api/schedules/${schedule.id}` }).expect(200)).body,
      ),
    ).toEqual(schedule);
    const [audited] = await bed.database.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'schedule_create' AND detail->>'schedule_id' = $1`,
      [schedule.id],
    );
    expect(audited?.detail).toMatchObject({ saved_id: savedId, cron: yearly, timezone: 'Europe/Paris' });

    // UTC by default; a paused one has no next run, and still goes to the queue (which keeps it off).
    const paused = await create({ cron: yearly, paused: true });
    expect(paused).toMatchObject({ timezone: 'UTC', paused: true, next_run_at: null });
    expect(calls.at(-1)).toEqual({
      method: 'register',
      schedule: { id: paused.id, cron: yearly, timezone: 'UTC', paused: true },
    });
  });

  it('refuses a cron expression cron-parser cannot read, naming the problem', async () => {
    const refused = async (cron: string) => {
      const answer = await call({ method: 'post', path: '/api/schedules', body: { saved_id: savedId, cron } }).expect(
        400,
      );
      expect(answer.body.error.code).toBe('invalid_cron');
      expect(answer.body.error.details).toEqual([{ path: 'cron', message: answer.body.error.message }]);
      return answer.body.error.message as string;
    };
    const before = (await schedulesOf()).length;
    calls.length = 0;
    expect(await refused('61 * * * *')).toBe(
      'The minute field "61" is not valid: Constraint error, got value 61 expected range 0-59.',
    );
    expect(await refused('0 9 * * * *')).toBe(
      'A cron expression has five fields (minute hour day-of-month month day-of-week); "0 9 * * * *" has 6.',
    );
    expect(await refused('garbage')).toMatch(/"garbage" has 1\.$/);
    expect(await refused('every day at nine please')).toMatch(/^The minute field "every" is not valid/);
    expect(await refused('0 24 * * *')).toMatch(/^The hour field "24"/);
    expect(await refused('0 0 30 2 *')).toMatch(/never comes round/);
    expect(await refused('@daily')).toMatch(/has 1\.$/);
    expect(await schedulesOf()).toHaveLength(before);
    expect(calls).toEqual([]);

    // Other problems name their fields as usual.
    const missing = await call({ method: 'post', path: '/api/schedules', body: { timezone: 'UTC' } }).expect(400);
    expect(missing.body.error.code).toBe('invalid_request');
    expect(missing.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['saved_id', 'cron']);
  });

  it('refuses an unknown time zone', async () => {
    for (const timezone of ['Mars/Olympus', '+02:00', '']) {
      const answer = await call({
        method: 'post',
        path: '/api/schedules',
        body: { saved_id: savedId, cron: yearly, timezone },
      }).expect(400);
      expect(answer.body.error.code).toBe(timezone === '' ? 'invalid_request' : 'invalid_timezone');
    }
    const answer = await call({
      method: 'post',
      path: '/api/schedules',
      body: { saved_id: savedId, cron: yearly, timezone: 'Mars/Olympus' },
    });
    expect(answer.body.error.message).toBe(
      'Unknown time zone "Mars/Olympus": use an IANA name such as UTC, Europe/Paris or America/New_York.',
    );
  });

  it('changes the timing, pauses and resumes, following each change on the queue', async () => {
    const schedule = await create({ cron: yearly });
    const patch = async (body: unknown) =>
      expectContract(
        scheduleSchema,
        (await call({ method: 'patch', path: `/api/schedules/${schedule.id}`, body }).expect(200)).body,
      );
    calls.length = 0;
    const paused = await patch({ paused: true });
    expect(paused).toMatchObject({ paused: true, next_run_at: null, cron: yearly });
    expect(Date.parse(paused.updated_at)).toBeGreaterThanOrEqual(Date.parse(schedule.updated_at));
    const resumed = await patch({ paused: false });
    expect(resumed.next_run_at).toBe(schedule.next_run_at);
    const moved = await patch({ cron: '30 6 * * 1-5', timezone: 'America/New_York' });
    expect(moved).toMatchObject({ cron: '30 6 * * 1-5', timezone: 'America/New_York', paused: false });
    expect(moved.next_run_at).toBe(nextRunAt({ cron: '30 6 * * 1-5', timezone: 'America/New_York' }).toISOString());
    expect(calls).toEqual([
      { method: 'register', schedule: { id: schedule.id, cron: yearly, timezone: 'UTC', paused: true } },
      { method: 'register', schedule: { id: schedule.id, cron: yearly, timezone: 'UTC', paused: false } },
      {
        method: 'register',
        schedule: { id: schedule.id, cron: '30 6 * * 1-5', timezone: 'America/New_York', paused: false },
      },
    ]);

    // A bad change changes nothing, and an empty one is refused.
    calls.length = 0;
    const bad = await call({ method: 'patch', path: `/api/schedules/${schedule.id}`, body: { cron: '* * * * 8' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_cron']);
    expect(bad.body.error.message).toMatch(/^The day-of-week field "8"/);
    const empty = await call({ method: 'patch', path: `/api/schedules/${schedule.id}`, body: {} }).expect(400);
    expect(empty.body.error.details).toEqual([{ path: '', message: 'nothing to change' }]);
    await call({ method: 'patch', path: `/api/schedules/${schedule.id}`, body: { paused: 'yes' } }).expect(400);
    expect(calls).toEqual([]);
    expect((await call({ method: 'get', path: `/api/schedules/${schedule.id}` })).body.cron).toBe('30 6 * * 1-5');
  });

  it('runs now on request, paused or not', async () => {
    const schedule = await create({ cron: yearly, paused: true });
    calls.length = 0;
    const answer = await call({ method: 'post', path: `/api/schedules/${schedule.id}/run` }).expect(202);
    expect(calls).toEqual([{ method: 'runNow', scheduleId: schedule.id, dueAt: answer.body.due_at }]);
    expect(answer.body).toEqual({ due_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    await call({ method: 'post', path: '/api/schedules/sc_unknown/run' }).expect(404);
  });

  it("keeps each user's schedules to themselves: another's is not found", async () => {
    const schedule = await create({ cron: yearly });
    const unknown = await call({ method: 'get', path: '/api/schedules/sc_unknown', key: testKeys.bob }).expect(404);
    const asBob = (method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown) =>
      call({ method, path, body, key: testKeys.bob });
    calls.length = 0;
    for (const answer of [
      await asBob('get', `/api/schedules/${schedule.id}`),
      await asBob('patch', `/api/schedules/${schedule.id}`, { paused: true }),
      await asBob('delete', `/api/schedules/${schedule.id}`),
      await asBob('post', `/api/schedules/${schedule.id}/run`),
      await asBob('get', `/api/schedules/${schedule.id}/runs`),
      await asBob('get', `/api/schedules/${schedule.id}/runs/r_any`),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe(unknown.body.error.code);
    }
    expect(calls).toEqual([]);
    expect((await schedulesOf(testKeys.bob)).map((listed) => listed.id)).not.toContain(schedule.id);
    expect((await call({ method: 'get', path: `/api/schedules/${schedule.id}` }).expect(200)).body.paused).toBe(false);
  });

  it('allows each user at most schedulesPerUser schedules', async () => {
    const limited = bed.appWith({ schedules: { runner: false, schedulesPerUser: 2 } });
    recordSchedulerCalls({ app: limited });
    try {
      const key = await createMember({ database: bed.database, id: 'u_quota', name: 'Quinn Quota', groups: [] });
      const post = (body: unknown) =>
        request(limited)
          .post('/api/schedules')
          .set(as(key))
          .send(body as object);
      const saved = await request(limited)
        .post('/api/saved')
        .set(as(key))
        .send({ name: 'Tables', datasource: 'shop', tool: 'list_tables' })
        .expect(201);
      const first = await post({ saved_id: saved.body.id, cron: yearly }).expect(201);
      await post({ saved_id: saved.body.id, cron: yearly }).expect(201);
      const third = await post({ saved_id: saved.body.id, cron: yearly }).expect(409);
      expect(third.body.error).toEqual({
        code: 'too_many_schedules',
        message: 'You already have 2 schedules, the most one user may have; delete one first.',
        details: null,
      });
      // Alice's many schedules do not count against Quinn, and a deleted one frees a place.
      await request(limited).delete(`/api/schedules/${first.body.id}`).set(as(key)).expect(204);
      await post({ saved_id: saved.body.id, cron: yearly }).expect(201);
    } finally {
      await limited.drain({ graceMs: 0 });
    }
  });

  describe('runs', () => {
    let schedule: Schedule;
    const table: RunResult = {
      columns: ['id', 'name', 'stock'],
      rows: [
        [1, 'Mug', 3],
        [2, 'Pen', 7],
      ],
      row_count: 2,
      truncated: false,
      text: null,
    };
    const diff: RunDiff = {
      added: 1,
      removed: 0,
      changed: 1,
      key: 'id',
      columns: ['id', 'name', 'stock'],
      added_rows: [[2, 'Pen', 7]],
      removed_rows: [],
      changed_rows: [{ before: [1, 'Mug', 5], after: [1, 'Mug', 3] }],
      truncated: false,
    };
    const usage = {
      inputTokens: 1200,
      outputTokens: 80,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      estimatedCostUsd: 0.0048,
    };

    const insertRun = async ({
      id,
      scheduleId = schedule.id,
      dueAt,
      startedAt,
      finishedAt = null,
      status = 'ok',
      trigger = 'schedule',
      attempt = 1,
      result = null,
      diff: runDiff = null,
      metrics = null,
      error = null,
      usage: runUsage = null,
    }: {
      id: string;
      scheduleId?: string;
      dueAt: string;
      startedAt: string;
      finishedAt?: string | null;
      status?: 'running' | 'ok' | 'error';
      trigger?: 'schedule' | 'manual';
      attempt?: number;
      result?: RunResult | null;
      diff?: RunDiff | null;
      metrics?: Record<string, number> | null;
      error?: { code: string; message: string } | null;
      usage?: typeof usage | null;
    }) => {
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
      await bed.database.query(
        `INSERT INTO schedule_runs (id, schedule_id, due_at, trigger, status, attempt, started_at, finished_at,
           result, diff, metrics, error, usage)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13::jsonb)`,
        [
          id,
          scheduleId,
          dueAt,
          trigger,
          status,
          attempt,
          startedAt,
          finishedAt,
          json(result),
          json(runDiff),
          json(metrics),
          json(error),
          json(runUsage),
        ],
      );
    };

    beforeAll(async () => {
      schedule = await create({ cron: yearly, paused: true });
      await insertRun({
        id: 'run_1',
        dueAt: '2026-01-01T09:00:00Z',
        startedAt: '2026-01-01T09:00:00.200Z',
        finishedAt: '2026-01-01T09:00:01.700Z',
        result: table,
        metrics: { row_count: 2 },
      });
      await insertRun({
        id: 'run_2',
        dueAt: '2026-01-02T09:00:00Z',
        startedAt: '2026-01-02T09:00:00Z',
        finishedAt: '2026-01-02T09:01:00Z',
        status: 'error',
        attempt: 3,
        error: { code: 'datasource_unavailable', message: 'Shop database is not reachable.' },
      });
      // Three runs within one millisecond, two at the very same microsecond: the cursor neither skips nor repeats.
      for (const [id, startedAt, due] of [
        ['run_3a', '2026-01-03T09:00:00.000123Z', '2026-01-03T09:00:00Z'],
        ['run_3b', '2026-01-03T09:00:00.000123Z', '2026-01-03T09:00:01Z'],
        ['run_4', '2026-01-03T09:00:00.000456Z', '2026-01-03T09:00:02Z'],
      ] as const)
        await insertRun({
          id,
          dueAt: due,
          startedAt,
          finishedAt: '2026-01-03T09:00:02Z',
          result: table,
          diff,
          metrics: { row_count: 2 },
        });
      await insertRun({
        id: 'run_5',
        trigger: 'manual',
        dueAt: '2026-01-04T10:00:00Z',
        startedAt: '2026-01-04T10:00:00Z',
        finishedAt: '2026-01-04T10:00:04Z',
        result: {
          columns: null,
          rows: null,
          row_count: null,
          truncated: false,
          text: 'Two products are below 10 in stock.\nMug (3) and Pen (7).',
        },
        usage,
      });
      await insertRun({
        id: 'run_6',
        status: 'running',
        dueAt: '2026-01-05T09:00:00Z',
        startedAt: '2026-01-05T09:00:00Z',
      });
    });

    it('lists finished runs newest first, a page at a time', async () => {
      const page = async (query: string) =>
        expectContract(
          scheduleRunsResponseSchema,
          (await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs${query}` }).expect(200)).body,
        );
      const first = await page('?limit=2');
      expect(first.runs.map((run) => run.id)).toEqual(['run_5', 'run_4']);
      expect(first.next_before).toBe('run_4');
      const second = await page(`?limit=2&before=${first.next_before}`);
      expect(second.runs.map((run) => run.id)).toEqual(['run_3b', 'run_3a']);
      const third = await page(`?limit=2&before=${second.next_before}`);
      expect(third.runs.map((run) => run.id)).toEqual(['run_2', 'run_1']);
      expect(third.next_before).toBeNull();
      const all = await page('');
      expect(all.runs.map((run) => run.id)).toEqual(['run_5', 'run_4', 'run_3b', 'run_3a', 'run_2', 'run_1']);
      expect(all.next_before).toBeNull();

      const byId = new Map(all.runs.map((run) => [run.id, run]));
      expect(byId.get('run_1')).toEqual({
        id: 'run_1',
        schedule_id: schedule.id,
        status: 'ok',
        trigger: 'schedule',
        due_at: '2026-01-01T09:00:00.000Z',
        started_at: '2026-01-01T09:00:00.200Z',
        finished_at: '2026-01-01T09:00:01.700Z',
        duration_ms: 1500,
        attempt: 1,
        row_count: 2,
        summary: '2 rows',
        diff: null,
        metrics: { row_count: 2 },
        error: null,
        usage: null,
      });
      expect(byId.get('run_2')).toMatchObject({
        status: 'error',
        attempt: 3,
        duration_ms: 60_000,
        row_count: null,
        summary: 'Shop database is not reachable.',
        error: { code: 'datasource_unavailable', message: 'Shop database is not reachable.' },
        metrics: {},
      });
      expect(byId.get('run_4')?.diff).toEqual({ added: 1, removed: 0, changed: 1 });
      expect(byId.get('run_5')).toMatchObject({
        trigger: 'manual',
        summary: 'Two products are below 10 in stock.',
        row_count: null,
        usage,
      });
    });

    it('checks the paging parameters', async () => {
      for (const query of ['?limit=0', '?limit=201', '?limit=ten']) {
        const answer = await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs${query}` }).expect(400);
        expect(answer.body.error.code).toBe('invalid_request');
        expect(answer.body.error.details[0].path).toBe('limit');
      }
      const unknown = await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs?before=run_nope` }).expect(
        400,
      );
      expect(unknown.body.error.code).toBe('invalid_cursor');
      // A run in progress is a place in time like any other: the finished runs before it follow.
      const running = await call({
        method: 'get',
        path: `/api/schedules/${schedule.id}/runs?before=run_6&limit=1`,
      }).expect(200);
      expect(running.body).toEqual({ runs: [expect.objectContaining({ id: 'run_5' })], next_before: 'run_5' });
    });

    it("shows a run's result and diff", async () => {
      const detail = expectContract(
        scheduleRunDetailSchema,
        (await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs/run_4` }).expect(200)).body,
      );
      expect(detail).toMatchObject({ id: 'run_4', summary: '2 rows', result: table, diff_detail: diff });
      const failed = expectContract(
        scheduleRunDetailSchema,
        (await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs/run_2` }).expect(200)).body,
      );
      expect(failed).toMatchObject({ result: null, diff_detail: null });
      // Not finished yet, or not this schedule's: not found.
      await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs/run_6` }).expect(404);
      const other = await create({ cron: yearly, paused: true });
      await call({ method: 'get', path: `/api/schedules/${other.id}/runs/run_4` }).expect(404);
    });

    it('shows the last run, a run in progress and the last firing of its alerts on the schedule', async () => {
      await bed.database.query(
        `INSERT INTO alert_rules (id, schedule_id, name, condition) VALUES
           ('al_low', $1, 'Low stock', '{"type":"row_count","operator":">","value":0}'::jsonb),
           ('al_fail', $1, 'Failed', '{"type":"failed"}'::jsonb)`,
        [schedule.id],
      );
      await bed.database.query(
        `INSERT INTO alert_firings (id, alert_id, run_id, test, fingerprint, status, message, fired_at) VALUES
           ('fi_1', 'al_low', 'run_4', false, 'f1', 'sent', '2 rows (> 0)', '2026-01-03T09:00:03Z'),
           ('fi_2', 'al_fail', 'run_2', false, 'f2', 'suppressed', 'The run failed', '2026-01-02T09:01:01Z'),
           ('fi_test', 'al_low', NULL, true, 'ft', 'sent', 'Test notification', '2026-01-09T00:00:00Z')`,
      );
      const shown = expectContract(
        scheduleSchema,
        (await call({ method: 'get', path: `/api/schedules/${schedule.id}` }).expect(200)).body,
      );
      expect(shown.running_since).toBe('2026-01-05T09:00:00.000Z');
      expect(shown.last_run).toMatchObject({ id: 'run_5', status: 'ok' });
      expect(shown.alerts).toBe(2);
      // A test notification is not a firing of the condition.
      expect(shown.last_firing).toEqual({
        alert_id: 'al_low',
        alert_name: 'Low stock',
        fired_at: '2026-01-03T09:00:03.000Z',
        status: 'sent',
        message: '2 rows (> 0)',
      });
      expect((await schedulesOf()).find((listed) => listed.id === schedule.id)).toEqual(shown);
    });

    it('deletes a schedule with its runs, alerts and firings, and takes it off the queue', async () => {
      calls.length = 0;
      await call({ method: 'delete', path: `/api/schedules/${schedule.id}` }).expect(204);
      expect(calls).toEqual([{ method: 'unregister', scheduleId: schedule.id }]);
      expect(await bed.database.query('SELECT id FROM schedule_runs WHERE schedule_id = $1', [schedule.id])).toEqual(
        [],
      );
      expect(await bed.database.query('SELECT id FROM alert_rules WHERE schedule_id = $1', [schedule.id])).toEqual([]);
      expect(await bed.database.query(`SELECT id FROM alert_firings WHERE id IN ('fi_1', 'fi_2')`)).toEqual([]);
      await call({ method: 'get', path: `/api/schedules/${schedule.id}` }).expect(404);
      await call({ method: 'get', path: `/api/schedules/${schedule.id}/runs` }).expect(404);
      await call({ method: 'delete', path: `/api/schedules/${schedule.id}` }).expect(404);
      // The saved item stays, one schedule fewer.
      const saved = (await call({ method: 'get', path: '/api/saved' })).body.saved.find(
        (item: { id: string }) => item.id === savedId,
      );
      expect(saved.schedules).toBe((await schedulesOf()).filter((listed) => listed.saved_id === savedId).length);
    });
  });
});
