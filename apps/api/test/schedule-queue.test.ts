import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@connectormcp/services';
import type { ApiApp } from '../src/create-app.js';
import { createJobQueue } from '../src/schedules/create-job-queue.js';
import type { ScheduleRunRow } from '../src/schedules/schedule-rows.js';
import { scheduleRunQueue } from '../src/schedules/scheduler.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

const minute = 60_000;

/**
 * The schedules' queue on the embedded database, in this process: pg-boss over PGlite, the same code as on
 * PostgreSQL apart from the adapter. Schedules and saved items are written as rows (the HTTP routes are
 * tested on their own) and registered through the app's scheduler; runs go through the real path: the
 * queue, the runner, the MySQL connector over MariaDB (`shop`), or a port where nothing listens (`offline`).
 */
describe('schedules on the embedded database', () => {
  let bed: ApiTestBed;
  let app: ApiApp;
  let server: Server;
  let alice: string;
  /** Due every minute, created in beforeAll so its first occurrence comes while the other tests run. */
  let everyMinute: string;
  let createdAt: number;

  const startApp = async ({ runner = true }: { runner?: boolean } = {}) => {
    app = bed.appWith({ schedules: { retryDelaySeconds: 1, retryLimit: 2, runner } });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    // The app's queue is started with it; register/runNow wait for it.
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  const stopApp = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.drain({ graceMs: 1000 });
  };

  const createSchedule = async ({
    datasource = 'shop',
    sql = 'SELECT id, sku, stock FROM products ORDER BY id',
    cron,
    paused = false,
  }: {
    datasource?: string;
    sql?: string;
    cron: string;
    paused?: boolean;
  }) => {
    const savedId = randomUUID();
    const scheduleId = randomUUID();
    await bed.database.query(
      `INSERT INTO saved_items (id, owner, name, kind, datasource, tool, arguments)
       VALUES ($1, $2, 'Stock', 'tool_call', $3, 'execute_query', $4::jsonb)`,
      [savedId, alice, datasource, JSON.stringify({ sql })],
    );
    await bed.database.query(
      `INSERT INTO schedules (id, owner, saved_id, cron, timezone, paused) VALUES ($1, $2, $3, $4, 'UTC', $5)`,
      [scheduleId, alice, savedId, cron, paused],
    );
    await app.scheduler.register({ schedule: { id: scheduleId, cron, timezone: 'UTC', paused } });
    return scheduleId;
  };

  const runsOf = (scheduleId: string) =>
    bed.database.query<ScheduleRunRow>('SELECT * FROM schedule_runs WHERE schedule_id = $1 ORDER BY due_at', [
      scheduleId,
    ]);

  const toolCallsOf = async (scheduleId: string) =>
    (
      await bed.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'tool_call' AND detail->>'schedule_id' = $1`,
        [scheduleId],
      )
    )[0]!.n;

  const finishedRun = async ({
    scheduleId,
    dueAt,
    timeoutMs,
  }: {
    scheduleId: string;
    dueAt: Date;
    timeoutMs: number;
  }) => {
    let run: ScheduleRunRow | undefined;
    await waitFor({
      probe: async () => {
        run = (await runsOf(scheduleId)).find(
          (row) => row.due_at.getTime() === dueAt.getTime() && row.status !== 'running',
        );
        return run !== undefined;
      },
      description: `the run of ${dueAt.toISOString()}`,
      timeoutMs,
    });
    return run!;
  };

  beforeAll(async () => {
    bed = await startApiTestBed();
    // The test bed's own app runs with the default retry delay (30 s); this file's app retries after 1 s.
    await bed.app.drain({ graceMs: 0 });
    const base = await startApp();
    const me = (await (await fetch(`${base}/api/me`, { headers: as(testKeys.alice) })).json()) as {
      user: { id: string };
    };
    alice = me.user.id;
    createdAt = Date.now();
    everyMinute = await createSchedule({ cron: '* * * * *' });
  }, 120_000);

  afterAll(async () => {
    await stopApp().catch(() => {});
    await bed?.stop();
  }, 60_000);

  it('runs a schedule at once on "run now", even while it is paused, with its result', async () => {
    const scheduleId = await createSchedule({ cron: '0 0 1 1 *', paused: true });
    const { dueAt } = await app.scheduler.runNow({ scheduleId });
    const run = await finishedRun({ scheduleId, dueAt: new Date(dueAt), timeoutMs: 15_000 });
    expect(run).toMatchObject({ trigger: 'manual', status: 'ok', attempt: 1, error: null });
    expect(run.result?.columns).toEqual(['id', 'sku', 'stock']);
    expect(run.result?.rows?.length).toBeGreaterThan(0);
    expect(run.metrics).toMatchObject({ row_count: run.result?.row_count });
    // Started as soon as the queue's worker polled (every second on the embedded database).
    expect(run.started_at.getTime() - run.due_at.getTime()).toBeLessThan(5_000);
  }, 30_000);

  it('stores a run delivered twice for the same due time once', async () => {
    const scheduleId = await createSchedule({ cron: '0 0 1 1 *' });
    const dueAt = '2026-01-01T00:00:00.000Z';
    // Another producer on the same database (as another instance would be) sends the same occurrence as two
    // jobs with different ids, so the queue does not fold them into one: the run row is the last guard.
    const producer = createJobQueue({ database: bed.database, runner: false });
    await producer.start();
    try {
      const data = { scheduleId, dueAt, trigger: 'schedule' };
      await Promise.all([
        producer.send(scheduleRunQueue, data, { id: randomUUID() }),
        producer.send(scheduleRunQueue, data, { id: randomUUID() }),
      ]);
      await finishedRun({ scheduleId, dueAt: new Date(dueAt), timeoutMs: 15_000 });
      // Both jobs are worked (completed) before the count is final.
      await waitFor({
        probe: async () =>
          (await producer.findJobs(scheduleRunQueue, { data: { scheduleId, dueAt } })).every(
            (job) => job.state === 'completed',
          ),
        description: 'both deliveries to be worked',
        timeoutMs: 15_000,
      });
    } finally {
      await producer.stop({ graceful: false, close: true });
    }
    const runs = await runsOf(scheduleId);
    expect(runs.map((run) => [run.due_at.toISOString(), run.status])).toEqual([[dueAt, 'ok']]);
    // The second delivery stopped at the run row, before the source: the tool ran once (audited as the owner).
    expect(await toolCallsOf(scheduleId)).toBe(1);
  }, 40_000);

  it('records an error run after retrying a source that is down, with back-off', async () => {
    const scheduleId = await createSchedule({ datasource: 'offline', cron: '0 0 1 1 *' });
    const { dueAt } = await app.scheduler.runNow({ scheduleId });
    const run = await finishedRun({ scheduleId, dueAt: new Date(dueAt), timeoutMs: 40_000 });
    expect(run.status).toBe('error');
    // retryLimit 2: the first attempt and two retries, on one run row.
    expect(run.attempt).toBe(3);
    expect(run.error?.code).toEqual(expect.any(String));
    expect(run.result).toBeNull();
    // Back-off: at least 1 s then 2 s between the attempts (retryDelaySeconds 1, doubling).
    expect(run.finished_at!.getTime() - run.started_at.getTime()).toBeGreaterThanOrEqual(2_000);
    expect(await runsOf(scheduleId)).toHaveLength(1);
  }, 60_000);

  it('runs a schedule due every minute at its occurrence, once', async () => {
    const firstDue = new Date(Math.floor(createdAt / minute) * minute + minute);
    const run = await finishedRun({
      scheduleId: everyMinute,
      dueAt: firstDue,
      timeoutMs: firstDue.getTime() - Date.now() + 20_000,
    });
    expect(run).toMatchObject({ trigger: 'schedule', status: 'ok', attempt: 1 });
    expect(run.started_at.getTime() - firstDue.getTime()).toBeLessThan(5_000);
    expect(run.started_at.getTime()).toBeGreaterThanOrEqual(firstDue.getTime());
    // Nothing before its first occurrence, nothing twice.
    const runs = await runsOf(everyMinute);
    expect(runs[0]!.due_at).toEqual(firstDue);
    expect(new Set(runs.map((row) => row.due_at.getTime())).size).toBe(runs.length);
  }, 100_000);

  it('keeps running the schedule after a restart (the queue is in the database)', async () => {
    await stopApp();
    await bed.reopenDatabase();
    const restartedAt = Date.now();
    await startApp();
    const nextDue = new Date(Math.floor(restartedAt / minute) * minute + minute);
    const run = await finishedRun({
      scheduleId: everyMinute,
      dueAt: nextDue,
      timeoutMs: nextDue.getTime() - Date.now() + 20_000,
    });
    expect(run).toMatchObject({ trigger: 'schedule', status: 'ok' });
    const runs = await runsOf(everyMinute);
    expect(new Set(runs.map((row) => row.due_at.getTime())).size).toBe(runs.length);
    expect(runs.every((row) => row.due_at.getTime() % minute === 0)).toBe(true);
  }, 100_000);

  it('queues but runs nothing on an instance with SCHEDULER=false; the next instance that runs takes it', async () => {
    const scheduleId = await createSchedule({ cron: '0 0 1 1 *' });
    await stopApp();
    await startApp({ runner: false });
    const { dueAt } = await app.scheduler.runNow({ scheduleId });
    // Three times the embedded workers' poll: a worker would have taken it by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await runsOf(scheduleId)).toEqual([]);
    await stopApp();
    await startApp();
    const run = await finishedRun({ scheduleId, dueAt: new Date(dueAt), timeoutMs: 15_000 });
    expect(run).toMatchObject({ trigger: 'manual', status: 'ok' });
  }, 60_000);
});
