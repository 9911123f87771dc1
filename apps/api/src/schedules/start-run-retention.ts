import type { Logger } from 'pino';
import { startPeriodicTask } from '../start-periodic-task.js';
import type { ScheduleSettings } from '../api-config.js';
import type { Database } from '../database/open-database.js';

export interface RunRetention {
  /** One pass: deletes runs past the age limit, then each schedule's runs beyond the count it keeps. */
  runOnce(): Promise<{ byAge: number; byCount: number; abandoned: number }>;
  stop(): void;
}

const deleteBatchSize = 5_000;

/** Far beyond any run (tool calls time out in minutes, a question's steps are bounded). */
const abandonedAfterHours = 6;

/** Runs a batched DELETE … RETURNING until a batch comes back short; resolves to how many rows went. */
async function deleteInBatches({ database, sql, params }: { database: Database; sql: string; params: unknown[] }) {
  let deleted = 0;
  for (;;) {
    const rows = await database.query<{ id: string }>(sql, [...params, deleteBatchSize]);
    deleted += rows.length;
    if (rows.length < deleteBatchSize) return deleted;
  }
}

/**
 * Deletes old schedule runs at start and then every `intervalMs` (an hour): runs started more than
 * `runRetentionDays` ago, and each schedule's finished runs beyond its newest `runsKeptPerSchedule`. Batches
 * keep the locks short; several instances may run it at once, as deleting rows already gone deletes nothing.
 * A run in progress is never counted out (its row guards its due time). The timer keeps no process alive.
 */
export function startRunRetention({
  database,
  settings,
  logger,
  intervalMs = 60 * 60 * 1000,
}: {
  database: Database;
  settings: Pick<ScheduleSettings, 'runRetentionDays' | 'runsKeptPerSchedule'>;
  logger?: Logger;
  intervalMs?: number;
}): RunRetention {
  const runOnce = async () => {
    // A run still marked running hours after it started lost its instance for good (its job had no retry
    // left to take it over): it is an error run, so the schedule stops showing it as running.
    const abandoned = (
      await database.query<{ id: string }>(
        `UPDATE schedule_runs SET status = 'error', finished_at = now(),
           error = '{"code":"interrupted","message":"The run stopped without finishing: the instance running it stopped."}'::jsonb
         WHERE status = 'running' AND started_at < now() - make_interval(hours => $1::int) RETURNING id`,
        [abandonedAfterHours],
      )
    ).length;
    const byAge = await deleteInBatches({
      database,
      sql: `DELETE FROM schedule_runs WHERE id IN (
              SELECT id FROM schedule_runs WHERE started_at < now() - make_interval(days => $1::int) LIMIT $2
            ) RETURNING id`,
      params: [settings.runRetentionDays],
    });
    const byCount = await deleteInBatches({
      database,
      sql: `DELETE FROM schedule_runs WHERE id IN (
              SELECT id FROM (
                SELECT id, row_number() OVER (PARTITION BY schedule_id ORDER BY started_at DESC, id DESC) AS position
                FROM schedule_runs WHERE status <> 'running'
              ) ranked WHERE position > $1 LIMIT $2
            ) RETURNING id`,
      params: [settings.runsKeptPerSchedule],
    });
    if (byAge + byCount > 0)
      logger?.info(
        `schedule runs: deleted ${byAge} older than ${settings.runRetentionDays} days and ${byCount} beyond the ${settings.runsKeptPerSchedule} kept per schedule`,
      );
    if (abandoned > 0) logger?.warn(`schedule runs: ${abandoned} run(s) stopped without finishing; marked as errors`);
    return { byAge, byCount, abandoned };
  };
  return startPeriodicTask({
    run: runOnce,
    intervalMs,
    logger,
    failureMessage: 'schedule runs: could not delete old runs',
  });
}
