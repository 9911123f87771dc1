import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../database/open-database.js';
import { startRunRetention } from './start-run-retention.js';

describe('startRunRetention on the embedded database', () => {
  let directory: string;
  let database: Database;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-retention-'));
    database = await openDatabase({ directory });
    await database.query(`INSERT INTO users (id, name, role) VALUES ('u_owner', 'Owner', 'member')`);
    await database.query(
      `INSERT INTO saved_items (id, owner, name, kind, question, datasources) VALUES ('sv_1', 'u_owner', 'Q', 'question', 'How many?', '["shop"]'::jsonb)`,
    );
    for (const id of ['sc_a', 'sc_b'])
      await database.query(
        `INSERT INTO schedules (id, owner, saved_id, cron, timezone) VALUES ($1, 'u_owner', 'sv_1', '* * * * *', 'UTC')`,
        [id],
      );
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await rm(directory, { recursive: true, force: true });
  });

  /** A run of `schedule` started `daysAgo` days (plus `minutes`) ago. */
  const addRun = (schedule: string, id: string, daysAgo: number, status = 'ok', minutes = 0) =>
    database.query(
      `INSERT INTO schedule_runs (id, schedule_id, due_at, status, started_at)
       VALUES ($1, $2, now() - make_interval(days => $3::int, mins => $4::int), $5, now() - make_interval(days => $3::int, mins => $4::int))`,
      [id, schedule, daysAgo, minutes, status],
    );
  const remaining = async () =>
    (await database.query<{ id: string }>('SELECT id FROM schedule_runs ORDER BY id')).map((row) => row.id);

  it('deletes runs older than the retention, then each schedule’s runs beyond the count it keeps', async () => {
    await addRun('sc_a', 'a_old', 40);
    await addRun('sc_a', 'a_1', 0, 'ok', 50);
    await addRun('sc_a', 'a_2', 0, 'error', 40);
    await addRun('sc_a', 'a_3', 0, 'ok', 30);
    await addRun('sc_a', 'a_4', 0, 'ok', 20);
    // A run in progress is never counted out, however old its siblings.
    await addRun('sc_a', 'a_running', 0, 'running', 60);
    await addRun('sc_b', 'b_1', 0, 'ok', 10);
    await addRun('sc_b', 'b_2', 1);

    const retention = startRunRetention({
      database,
      settings: { runRetentionDays: 30, runsKeptPerSchedule: 2 },
      intervalMs: 3_600_000,
    });
    retention.stop();
    // The pass at start may have run already; another one finds nothing more to delete.
    await retention.runOnce();
    expect(await remaining()).toEqual(['a_3', 'a_4', 'a_running', 'b_1', 'b_2']);
    expect(await retention.runOnce()).toEqual({ byAge: 0, byCount: 0, abandoned: 0 });
  });

  it('turns a run still marked running hours after it started into an error run', async () => {
    await database.query('DELETE FROM schedule_runs');
    await addRun('sc_a', 'a_lost', 0, 'running', 7 * 60);
    await addRun('sc_a', 'a_busy', 0, 'running', 5);
    const retention = startRunRetention({ database, settings: { runRetentionDays: 30, runsKeptPerSchedule: 10 } });
    retention.stop();
    await retention.runOnce();
    const rows = await database.query<{ id: string; status: string; error: { code: string } | null }>(
      'SELECT id, status, error FROM schedule_runs ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'a_busy', status: 'running', error: null },
      { id: 'a_lost', status: 'error', error: expect.objectContaining({ code: 'interrupted' }) },
    ]);
  });

  it('counts what each pass deleted, and two passes at once delete each run once', async () => {
    await database.query('DELETE FROM schedule_runs');
    for (let index = 0; index < 5; index += 1) await addRun('sc_b', `b_${index}`, 0, 'ok', index);
    await addRun('sc_b', 'b_ancient', 400);
    const settings = { runRetentionDays: 90, runsKeptPerSchedule: 3 };
    const first = startRunRetention({ database, settings });
    const second = startRunRetention({ database, settings });
    first.stop();
    second.stop();
    const [one, two] = await Promise.all([first.runOnce(), second.runOnce()]);
    expect([one.byAge + two.byAge, one.byCount + two.byCount]).toEqual([1, 2]);
    expect(await remaining()).toEqual(['b_0', 'b_1', 'b_2']);
  });
});
