import { randomUUID } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { ConnectorHub } from '@connectormcp/orchestrator';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { Alerts } from '../alerts/alerts.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import { createSlotLimiter } from './create-slot-limiter.js';
import { diffResults } from './diff-run-results.js';
import { executeSaved } from './execute-saved.js';
import { resultMetrics } from './run-metrics.js';
import type { SavedRow, ScheduleRow, ScheduleRunRow } from './schedule-rows.js';

/** One due (or manual) run of a schedule, as the queue hands it over. */
export interface ScheduleRunJob {
  scheduleId: string;
  /** The cron occurrence (ISO); for a manual run, the time it was asked for. */
  dueAt: string;
  trigger: 'schedule' | 'manual';
}

export interface ScheduleRunner {
  /**
   * Runs the schedule's saved item as its owner, once per (schedule, due time): records the run, its bounded
   * result, the difference from the previous run and its metrics, then has the alerts checked. Throws only
   * for a retryable failure when this is not the last attempt, so the queue retries with back-off.
   */
  run(job: ScheduleRunJob & { attempt: number; lastAttempt: boolean; signal?: AbortSignal }): Promise<void>;
}

/** A failure the queue should try again (with back-off); its message names no data. */
class RetryableRunError extends Error {}

/**
 * Scheduled runs executing at once per datasource (and for questions, in all) on this instance. Schedules
 * often fall due together (every hour on the hour, 1,000 every minute); the queue takes them all at once
 * (their start is on time and recorded), and they then take turns on their source: a connector serves a few
 * calls at a time and queues a bounded number (the MySQL connector: 5 and 100), so 500 calls at once from
 * one instance failed most of them, and people's own chats use the same connector meanwhile.
 */
const runsPerSource = 10;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function createScheduleRunner({
  database,
  hub,
  registry,
  alerts,
  auditLog,
  settings,
  logger,
  environment,
  anthropic,
}: {
  database: Database;
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  alerts: Alerts;
  auditLog: AuditLog;
  settings: ScheduleSettings;
  logger: Logger;
  environment: Record<string, string | undefined>;
  anthropic?: Anthropic;
}): ScheduleRunner {
  const sourceSlots = createSlotLimiter({ limit: runsPerSource });

  /**
   * The run row of (schedule, due time), for this attempt to work on: a new one, or one a failed earlier
   * attempt left `running` (taken over, its attempt bumped). Undefined when another taker has it or it is
   * finished; `finished` is that row when this is a retry of the job that finished it (so only the alerts,
   * which may have been what failed, are checked again; a firing is unique per alert and run).
   */
  const takeRun = async ({
    scheduleId,
    dueAt,
    trigger,
    attempt,
  }: ScheduleRunJob & { attempt: number }): Promise<{ run?: ScheduleRunRow; finished?: ScheduleRunRow }> => {
    const [inserted] = await database.query<ScheduleRunRow>(
      `INSERT INTO schedule_runs (id, schedule_id, due_at, trigger, status, attempt)
       VALUES ($1, $2, $3, $4, 'running', $5)
       ON CONFLICT (schedule_id, due_at) DO NOTHING
       RETURNING *`,
      [randomUUID(), scheduleId, dueAt, trigger, attempt],
    );
    if (inserted) return { run: inserted };
    const [takenOver] = await database.query<ScheduleRunRow>(
      `UPDATE schedule_runs SET attempt = $3
       WHERE schedule_id = $1 AND due_at = $2 AND status = 'running' AND attempt < $3
       RETURNING *`,
      [scheduleId, dueAt, attempt],
    );
    if (takenOver) return { run: takenOver };
    const [existing] = await database.query<ScheduleRunRow>(
      'SELECT * FROM schedule_runs WHERE schedule_id = $1 AND due_at = $2',
      [scheduleId, dueAt],
    );
    return existing && existing.status !== 'running' && existing.attempt < attempt ? { finished: existing } : {};
  };

  /** The last successful run before this one, which the difference is taken from. */
  const previousOkRun = async ({ run }: { run: ScheduleRunRow }) =>
    (
      await database.query<ScheduleRunRow>(
        `SELECT * FROM schedule_runs
         WHERE schedule_id = $1 AND status = 'ok' AND due_at < $2 AND id <> $3
         ORDER BY due_at DESC LIMIT 1`,
        [run.schedule_id, run.due_at, run.id],
      )
    )[0] ?? null;

  const run = async ({
    scheduleId,
    dueAt,
    trigger,
    attempt,
    lastAttempt,
    signal,
  }: ScheduleRunJob & { attempt: number; lastAttempt: boolean; signal?: AbortSignal }) => {
    const [schedule] = await database.query<ScheduleRow>('SELECT * FROM schedules WHERE id = $1', [scheduleId]);
    // Deleted since it was queued, or paused (a manual run runs even then): nothing to do.
    if (!schedule || (schedule.paused && trigger === 'schedule')) return;
    const [saved] = await database.query<SavedRow>('SELECT * FROM saved_items WHERE id = $1', [schedule.saved_id]);
    if (!saved) return;
    const { run: taken, finished } = await takeRun({ scheduleId, dueAt, trigger, attempt });
    if (finished) {
      await alerts.evaluateRun({ schedule, saved, run: finished, previous: await previousOkRun({ run: finished }) });
      return;
    }
    if (!taken) return;
    // Stopping while it waits: it runs with the aborted signal, which ends it as cancelled (retried later).
    const release = await sourceSlots
      .take({
        key: saved.kind === 'tool_call' ? `datasource:${saved.datasource}` : 'question',
        ...(signal ? { signal } : {}),
      })
      .catch(() => () => {});
    const outcome = await executeSaved({
      saved,
      hub,
      registry,
      database,
      auditLog,
      settings,
      environment,
      ...(anthropic ? { anthropic } : {}),
      ...(signal ? { signal } : {}),
      scheduleId,
      logger,
    }).finally(release);
    if (outcome.status === 'error' && outcome.retryable && !lastAttempt) {
      // The row stays `running`; the next attempt takes it over.
      logger.info(
        { scheduleId, runId: taken.id, dueAt, attempt, code: outcome.error.code },
        'schedule run failed; it will be retried',
      );
      throw new RetryableRunError(`retryable failure (${outcome.error.code})`);
    }
    const previous = await previousOkRun({ run: taken });
    const ok = outcome.status === 'ok';
    const [finishedRun] = await database.query<ScheduleRunRow>(
      `UPDATE schedule_runs
       SET status = $2, finished_at = now(), result = $3::jsonb, diff = $4::jsonb, metrics = $5::jsonb,
           error = $6::jsonb, usage = $7::jsonb, attempt = $8
       WHERE id = $1 AND status = 'running'
       RETURNING *`,
      [
        taken.id,
        outcome.status,
        json(outcome.result),
        json(ok ? diffResults({ previous: previous?.result, current: outcome.result }) : null),
        json(ok ? resultMetrics({ result: outcome.result }) : null),
        json(ok ? null : outcome.error),
        json(outcome.usage),
        attempt,
      ],
    );
    // Another attempt finished it meanwhile (this one had outlived its queue lease): its record stands.
    if (!finishedRun) return;
    logger.info(
      {
        scheduleId,
        runId: finishedRun.id,
        dueAt,
        trigger,
        attempt,
        status: finishedRun.status,
        ...(ok ? {} : { code: outcome.error.code }),
      },
      'schedule run finished',
    );
    await alerts.evaluateRun({ schedule, saved, run: finishedRun, previous });
  };

  return {
    run: async (job) => {
      try {
        await run(job);
      } catch (error) {
        if (error instanceof RetryableRunError) throw error;
        // The database or the alerts failed: the queue tries again, unless this was the last attempt.
        logger.warn(
          {
            scheduleId: job.scheduleId,
            dueAt: job.dueAt,
            attempt: job.attempt,
            err: { message: (error as Error).message },
          },
          'schedule run could not be completed',
        );
        if (!job.lastAttempt) throw new RetryableRunError('the run could not be completed');
        await database
          .query(
            `UPDATE schedule_runs SET status = 'error', finished_at = now(), error = $3::jsonb
             WHERE schedule_id = $1 AND due_at = $2 AND status = 'running'`,
            [
              job.scheduleId,
              job.dueAt,
              json({ code: 'internal_error', message: 'The run failed because of an error on our side.' }),
            ],
          )
          .catch(() => {});
      }
    },
  };
}
