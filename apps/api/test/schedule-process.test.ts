import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  seedMysqlSample,
  startMariadb,
  startPostgres,
  waitFor,
  type MariadbServer,
  type PostgresServer,
} from '@connectormcp/services';
import pg from 'pg';
import { startApiProcess, type ApiProcess } from './start-api-process.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));
const minute = 60_000;
const apiKey = randomBytes(24).toString('hex');

/**
 * Schedules across API processes on one PostgreSQL (the built API, as in production): each due occurrence
 * runs once whichever instance takes it, and schedules outlive a restart of the only instance, because the
 * queue (pg-boss) and the schedules are in the shared database.
 */
describe('schedules on PostgreSQL across API processes', () => {
  let postgres: PostgresServer;
  let mariadb: MariadbServer;
  let directory: string;
  let database: pg.Client;
  let environment: Record<string, string>;
  const instances: ApiProcess[] = [];
  const outputs: Array<() => string> = [];

  const start = async () => {
    const instance = await startApiProcess({ port: await freePort(), environment });
    instances.push(instance);
    outputs.push(instance.output);
    return instance;
  };

  const call = async <T>(
    instance: ApiProcess,
    path: string,
    { method = 'GET', json }: { method?: string; json?: unknown } = {},
  ) => {
    const response = await fetch(`${instance.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  beforeAll(async () => {
    [postgres, mariadb] = await Promise.all([startPostgres(), startMariadb()]);
    await seedMysqlSample({ url: mariadb.url, database: 'shop' });
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-schedules-'));
    const configFile = join(directory, 'connectormcp.config.json');
    await writeFile(
      configFile,
      JSON.stringify({
        datasources: [
          {
            id: 'shop',
            name: 'Shop',
            kind: 'mysql',
            command: process.execPath,
            args: [mysqlBin],
            env: { MYSQL_URL: `${mariadb.url}/shop`, LOG_LEVEL: 'warn' },
          },
        ],
      }),
    );
    environment = {
      DATABASE_URL: postgres.url,
      CONNECTORMCP_CONFIG: configFile,
      CONNECTORMCP_SECRET_KEY: randomBytes(32).toString('base64'),
      API_KEYS: apiKey,
      HOST: '127.0.0.1',
      SCHEDULE_RETRY_DELAY_SECONDS: '1',
      SHUTDOWN_GRACE_MS: '2000',
    };
    database = new pg.Client({ connectionString: postgres.url });
    await database.connect();
  }, 180_000);

  afterAll(async () => {
    await database?.end();
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await Promise.allSettled([mariadb?.stop(), postgres?.stop()]);
    if (directory) await rm(directory, { recursive: true, force: true });
  }, 60_000);

  it('runs each due occurrence exactly once with two instances, after a restart of the only one', async () => {
    // One instance, where the schedules are made over HTTP.
    const first = await start();
    const saved = await call<{ id: string }>(first, '/api/saved', {
      method: 'POST',
      json: {
        name: 'Stock',
        datasource: 'shop',
        tool: 'execute_query',
        arguments: { sql: 'SELECT id, sku, stock FROM products ORDER BY id' },
      },
    });
    const create = async (body: Record<string, unknown>) =>
      (
        await call<{ id: string }>(first, '/api/schedules', {
          method: 'POST',
          json: { saved_id: saved.id, cron: '* * * * *', timezone: 'UTC', ...body },
        })
      ).id;
    const running = [
      await create({}),
      await create({}),
      await create({ timezone: 'Europe/Paris' }),
      await create({ timezone: 'America/New_York' }),
    ];
    const paused = await create({ paused: true });
    // Made every minute, then changed to once a year, and one deleted: neither runs in these minutes.
    const changed = await create({});
    await call(first, `/api/schedules/${changed}`, { method: 'PATCH', json: { cron: '0 0 1 1 *' } });
    const deleted = await create({});
    await call(first, `/api/schedules/${deleted}`, { method: 'DELETE' });
    const createdAt = Date.now();

    // The only instance restarts (SIGTERM, drained), then two instances share the queue.
    await first.stop();
    const [a] = await Promise.all([start(), start()]);

    // Every minute from the first after the schedules were made, to one at least a minute later that both
    // instances were up for (a minute that came while no instance was up is run when they are: once).
    const firstDue = Math.floor(createdAt / minute) * minute + minute;
    const lastDue = Math.max(firstDue + minute, Math.floor(Date.now() / minute) * minute + minute);
    const minutes: number[] = [];
    for (let due = firstDue; due <= lastDue; due += minute) minutes.push(due);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastDue - Date.now())));
    const finishedBy = (due: number) =>
      database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM schedule_runs
         WHERE schedule_id = ANY($1) AND due_at = $2 AND status <> 'running'`,
        [running, new Date(due)],
      );
    await waitFor({
      probe: async () => (await finishedBy(lastDue)).rows[0]!.n === running.length,
      description: 'the runs of the second minute to finish',
      timeoutMs: 30_000,
    });

    const { rows } = await database.query<{ schedule_id: string; due_at: Date; status: string; started_at: Date }>(
      `SELECT schedule_id, due_at, status, started_at FROM schedule_runs WHERE due_at <= $1 ORDER BY due_at`,
      [new Date(lastDue)],
    );
    for (const scheduleId of running) {
      const runs = rows.filter((row) => row.schedule_id === scheduleId);
      // Exactly one row per (schedule, minute), and nothing before its first occurrence.
      expect(runs.map((run) => run.due_at.getTime())).toEqual(minutes);
      expect(runs.every((run) => run.status === 'ok')).toBe(true);
      // The last minute had both instances up and polling: it starts within seconds.
      expect(runs.at(-1)!.started_at.getTime() - lastDue).toBeLessThan(5_000);
    }
    expect(rows.filter((row) => [paused, changed, deleted].includes(row.schedule_id))).toEqual([]);
    // Each run called its tool once (tool calls are audited as the owner's, with the schedule).
    const { rows: calls } = await database.query<{ schedule_id: string; n: number }>(
      `SELECT detail->>'schedule_id' AS schedule_id, count(*)::int AS n FROM audit_log
       WHERE action = 'tool_call' AND detail->>'schedule_id' = ANY($1) AND created_at < $2
       GROUP BY 1`,
      [running, new Date(lastDue + minute)],
    );
    expect(calls.map((call) => call.n)).toEqual(running.map(() => minutes.length));
    // Each run was finished once (each instance logs the runs it finished), across the instances.
    const finishedOn = outputs.map((output) => output().split('schedule run finished').length - 1);
    expect(finishedOn.reduce((sum, count) => sum + count, 0)).toBe(running.length * minutes.length);
    const schedule = await call<{ id: string; last_run?: unknown }>(a, `/api/schedules/${running[0]}/runs`);
    expect(JSON.stringify(schedule)).toContain('"status":"ok"');
    // Nothing secret in what the instances wrote.
    for (const output of outputs) expect(output()).not.toContain(apiKey);
  }, 240_000);
});
