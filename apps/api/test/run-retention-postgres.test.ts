import { startPostgres, type PostgresServer } from '@connectormcp/services';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { startRunRetention } from '../src/schedules/start-run-retention.js';

describe('schedule run retention on a real PostgreSQL shared by two instances', () => {
  let postgres: PostgresServer;
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    postgres = await startPostgres();
    [first, second] = await Promise.all([openDatabase({ url: postgres.url }), openDatabase({ url: postgres.url })]);
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await postgres?.stop();
  });

  it('deletes each old run once, by age and beyond the count kept per schedule, both instances at once', async () => {
    await first.query(
      `INSERT INTO saved_items (id, owner, name, kind, question, datasources) VALUES ('sv_1', 'u_ann', 'Q', 'question', 'How many?', '["shop"]'::jsonb)`,
    );
    await first.query(
      `INSERT INTO schedules (id, owner, saved_id, cron, timezone)
       SELECT 'sc_' || n, 'u_ann', 'sv_1', '* * * * *', 'UTC' FROM generate_series(1, 3) n`,
    );
    // Each schedule: 30 runs a minute apart today, 20 runs 100+ days ago, and one run in progress.
    await first.query(
      `INSERT INTO schedule_runs (id, schedule_id, due_at, status, started_at)
       SELECT 'r_' || s || '_' || n, 'sc_' || s, at, CASE WHEN n = 0 THEN 'running' ELSE 'ok' END, at
       FROM generate_series(1, 3) s, generate_series(0, 49) n,
            LATERAL (SELECT now() - make_interval(days => CASE WHEN n > 30 THEN 100 ELSE 0 END, mins => n) AS at) t`,
    );
    const settings = { runRetentionDays: 90, runsKeptPerSchedule: 10 };
    const here = startRunRetention({ database: first, settings });
    const there = startRunRetention({ database: second, settings });
    here.stop();
    there.stop();
    const [one, two] = await Promise.all([here.runOnce(), there.runOnce()]);
    expect(one.byAge + two.byAge).toBe(3 * 19);
    expect(one.byCount + two.byCount).toBe(3 * 20);
    const kept = await second.query<{ schedule_id: string; runs: string; running: string; oldest: Date }>(
      `SELECT schedule_id, count(*) AS runs, count(*) FILTER (WHERE status = 'running') AS running, min(started_at) AS oldest
       FROM schedule_runs GROUP BY schedule_id ORDER BY schedule_id`,
    );
    expect(kept.map((row) => [row.schedule_id, Number(row.runs), Number(row.running)])).toEqual([
      ['sc_1', 11, 1],
      ['sc_2', 11, 1],
      ['sc_3', 11, 1],
    ]);
    // The newest ten finished runs are the ones kept: started 1 to 10 minutes ago.
    const finished = await second.query<{ id: string }>(
      `SELECT id FROM schedule_runs WHERE schedule_id = 'sc_1' AND status = 'ok' ORDER BY started_at DESC`,
    );
    expect(finished.map((row) => row.id)).toEqual(Array.from({ length: 10 }, (_, index) => `r_1_${index + 1}`));
  });
});
