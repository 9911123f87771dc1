import { randomUUID } from 'node:crypto';
import type { JobInsert, JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { Database } from '../database/open-database.js';
import { createJobQueue } from './create-job-queue.js';
import { isOccurrence, nextOccurrence } from './next-occurrence.js';
import type { ScheduleRunJob } from './schedule-runner.js';
import { stableJobId } from './stable-job-id.js';

/** A notification of an alert firing, delivered (and retried) by the queue. */
export interface AlertDeliveryJob {
  firingId: string;
  /** Set by the queue when it hands the job over: 1 for the first try. */
  attempt?: number;
  /** Set by the queue: no retry follows this one, whatever happens. */
  lastAttempt?: boolean;
}

/**
 * Due runs of schedules, on the job queue (pg-boss) in the app's database: on PostgreSQL each due run is taken
 * once across every API instance; on the embedded database the same queue runs in this process.
 */
export interface Scheduler {
  /** Installs the queue, (re)registers every schedule that is not paused, and starts working when `runner`. */
  start(): Promise<void>;
  /** Finishes the jobs in hand (up to the grace period) and stops. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Adds or replaces a schedule's timing; a paused schedule is taken off the queue. */
  register(options: { schedule: { id: string; cron: string; timezone: string; paused: boolean } }): Promise<void>;
  unregister(options: { scheduleId: string }): Promise<void>;
  /** A run now, outside the schedule ("Run now"); resolves once it is queued. */
  runNow(options: { scheduleId: string }): Promise<{ dueAt: string }>;
  /** Queues an alert's notification, after `startAfter` when given (quiet hours). */
  enqueueDelivery(options: AlertDeliveryJob & { startAfter?: Date }): Promise<void>;
}

export const scheduleRunQueue = 'connectormcp-schedule-run';
export const alertDeliveryQueue = 'connectormcp-alert-delivery';

/** One schedule's timing, as the chain needs it. */
interface Timing {
  id: string;
  cron: string;
  timezone: string;
}

/**
 * How a worker takes jobs. Due runs of many schedules fall on the same second (1,000 every minute is the
 * target), and a run's start is when its worker takes it: so workers take big batches (a batch's jobs run
 * side by side, the next fetch comes when the whole batch is done), up to 500 runs at once per instance,
 * and fetch again at once while batches come back full. A run mostly waits (on its source, on the
 * database), so many at once cost little; with batches of 10 and 4 workers (40 at once) 1,000 runs due
 * together started within 25 s (p99) on a loaded 2-core machine, each batch waiting for its slowest run.
 * An idle queue is polled every half second, which bounds the start lag. The embedded database is one
 * process's (one connection): fewer workers, polled less often.
 */
function workOptions({ embedded }: { embedded: boolean }) {
  return {
    pollingIntervalSeconds: embedded ? 1 : 0.5,
    batchSize: embedded ? 20 : 100,
    burstWhenBatchFull: true,
    localConcurrency: embedded ? 2 : 5,
  };
}

/** A queue job's settlement, its error kept to a message (no stack, nothing from the job's data). */
async function settle<Data>(job: JobWithMetadata<Data>, work: () => Promise<void>): Promise<JobResult> {
  try {
    await work();
    return { id: job.id, status: 'completed' };
  } catch (error) {
    return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : 'failed' } };
  }
}

/**
 * The schedules' queue. Each schedule is a CHAIN of one-off pg-boss jobs, one per cron occurrence, with
 * `startAfter` = the occurrence and a job id derived from (schedule, occurrence); the job that runs an
 * occurrence first queues the next one. Chosen over pg-boss's own cron schedules because:
 * - the run row needs the occurrence (due_at) so that two takers collide on UNIQUE (schedule_id, due_at);
 *   a pg-boss cron job carries only the schedule's static data, and its creation time can fall into the next
 *   minute (the cron pass runs every 30 s and relays through an internal queue), so the occurrence cannot be
 *   told reliably from it. A chained job carries its occurrence exactly.
 * - start lag: a cron occurrence waits for the cron pass (≥ 1 s apart, 30 s by default), then for the relay
 *   queue's worker (≥ 1 s, 50 jobs a poll: 20 polls for 1,000 schedules), then for the run queue's worker;
 *   a chained job is due at its own time and only waits for the run queue's poll (0.5 s, in bursts).
 * Exactly once: the same occurrence queued twice (by the chain, by a restart's re-registration, by two
 * instances) is the same job id, which pg-boss inserts once; a job is fetched by one worker (SKIP LOCKED);
 * and the run row's UNIQUE (schedule_id, due_at) stops anything that still gets through (a job that expired
 * while its first taker was still running). Everything lives in the shared database, so a change made on
 * instance A (register / unregister) is seen by every instance: A queues the new chain and drops the queued
 * future jobs of the old one; a job queued before a change that no longer matches the schedule (another
 * cron, paused, deleted) ends without running or chaining when it comes due. `start()` re-queues the next
 * occurrence of every schedule that is not paused, which repairs a chain that was broken (a job deleted
 * by hand, a schedule row written while no instance ran) and is a no-op otherwise. An occurrence missed
 * while no instance ran runs once when one is back (the latest missed one), then the chain is current again.
 */
export function createScheduler({
  database,
  logger,
  settings,
  runSchedule,
  deliverAlert,
}: {
  database: Database;
  logger: Logger;
  settings: ScheduleSettings;
  runSchedule: (job: ScheduleRunJob & { attempt: number; lastAttempt: boolean; signal?: AbortSignal }) => Promise<void>;
  deliverAlert: (job: AlertDeliveryJob) => Promise<void>;
}): Scheduler {
  const embedded = database.engine?.kind === 'embedded';
  const jobOptions = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    // Doubling delays stop growing at an hour.
    retryDelayMax: Math.max(3600, settings.retryDelaySeconds),
    // The worker holding a job refreshes it every 15 s; a job of an instance that died (no refresh for 30 s)
    // is failed by the next maintenance pass and retried elsewhere, instead of waiting out its 15-minute expiry.
    heartbeatSeconds: 30,
  };
  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let stopping: Promise<void> | undefined;

  let started = false;
  let watcher: NodeJS.Timeout | undefined;

  /** The queue, installed and started at the first need (a schedule exists, or one is being made). */
  const ready = async (): Promise<PgBoss> => {
    if (!started) throw new Error('The schedules queue has not been started.');
    if (stopping) throw new Error('The schedules queue is stopping.');
    starting ??= start();
    return starting;
  };
  const anySchedule = async () =>
    (await database.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM schedules) AS found'))[0]?.found === true;

  /** Queues the next occurrence of each schedule (after `dueAt` when given); an already queued one is kept. */
  const queueOccurrences = async (queue: PgBoss, timings: Array<Timing & { dueAt?: Date }>) => {
    const now = new Date();
    // By job id: pg-boss refuses a whole batch that holds an id twice (two jobs of a batch, say a retry and
    // the next occurrence, chaining to the same next occurrence).
    const jobs = new Map<string, JobInsert<ScheduleRunJob>>();
    for (const { id, cron, timezone, dueAt } of timings) {
      let next: Date;
      try {
        next = nextOccurrence({ cron, timezone, now, ...(dueAt ? { dueAt } : {}) });
      } catch {
        // The API checks cron and time zone before storing them; a row that slipped past stays off the queue.
        logger.warn({ scheduleId: id }, 'a schedule has a cron or time zone that cannot be read; it is not queued');
        continue;
      }
      const jobId = stableJobId({ parts: [scheduleRunQueue, id, next.toISOString()] });
      jobs.set(jobId, {
        id: jobId,
        data: { scheduleId: id, dueAt: next.toISOString(), trigger: 'schedule' },
        startAfter: next,
        ...jobOptions,
      });
    }
    const unique = [...jobs.values()];
    for (let index = 0; index < unique.length; index += 500)
      await queue.insert(scheduleRunQueue, unique.slice(index, index + 500));
  };

  /** Drops a schedule's queued future occurrences (retries of past ones stay: they are runs owed). */
  const dropQueuedOccurrences = async (queue: PgBoss, scheduleId: string) => {
    const queued = await queue.findJobs<ScheduleRunJob>(scheduleRunQueue, {
      data: { scheduleId, trigger: 'schedule' },
      queued: true,
    });
    const now = Date.now();
    const future = queued.filter((job) => new Date(job.data.dueAt).getTime() > now).map((job) => job.id);
    if (future.length > 0) await queue.deleteJob(scheduleRunQueue, future);
  };

  /**
   * A batch of run jobs: the schedule-triggered ones whose schedule still has them (not deleted, not paused,
   * same timing) queue their next occurrence, all in one insert, before any of them runs, so a slow or
   * failing run does not hold the chain up; the others end here (a change queued the schedule's new chain).
   * Then every job that is still wanted runs, side by side, each settled on its own.
   */
  const handleRuns = async (queue: PgBoss, jobs: JobWithMetadata<ScheduleRunJob>[]): Promise<JobResult[]> => {
    const scheduledIds = [
      ...new Set(jobs.filter((job) => job.data.trigger === 'schedule').map((job) => job.data.scheduleId)),
    ];
    const schedules = new Map(
      (scheduledIds.length === 0
        ? []
        : await database.query<Timing & { paused: boolean }>(
            'SELECT id, cron, timezone, paused FROM schedules WHERE id = ANY($1)',
            [scheduledIds],
          )
      ).map((schedule) => [schedule.id, schedule]),
    );
    const wanted = jobs.filter((job) => {
      if (job.data.trigger !== 'schedule') return true;
      const schedule = schedules.get(job.data.scheduleId);
      return (
        schedule !== undefined &&
        !schedule.paused &&
        isOccurrence({ cron: schedule.cron, timezone: schedule.timezone, at: new Date(job.data.dueAt) })
      );
    });
    await queueOccurrences(
      queue,
      wanted
        .filter((job) => job.data.trigger === 'schedule')
        .map((job) => ({ ...schedules.get(job.data.scheduleId)!, dueAt: new Date(job.data.dueAt) })),
    );
    return Promise.all(
      jobs.map((job) =>
        settle(job, async () => {
          if (!wanted.includes(job)) return;
          await runSchedule({
            scheduleId: job.data.scheduleId,
            dueAt: job.data.dueAt,
            trigger: job.data.trigger,
            attempt: job.retryCount + 1,
            lastAttempt: job.retryCount >= job.retryLimit,
            signal: job.signal,
          });
        }),
      ),
    );
  };

  const start = async (): Promise<PgBoss> => {
    const queue = createJobQueue({ database, runner: settings.runner });
    // pg-boss reports what goes wrong in its background loops (a poll, maintenance) here; it retries them.
    queue.on('error', (error: Error) => logger.warn({ err: { message: error.message } }, 'schedules queue'));
    await queue.start();
    boss = queue;
    // Created once; this start's retry and heartbeat settings apply to jobs queued without their own (every
    // job the app queues carries them).
    for (const name of [scheduleRunQueue, alertDeliveryQueue]) {
      await queue.createQueue(name, jobOptions);
      await queue.updateQueue(name, jobOptions);
    }
    const schedules = await database.query<Timing>('SELECT id, cron, timezone FROM schedules WHERE NOT paused');
    await queueOccurrences(queue, schedules);
    if (!settings.runner) {
      logger.info('SCHEDULER=false: this instance queues schedules but runs none');
      return queue;
    }
    const options = { ...workOptions({ embedded }), includeMetadata: true, perJobResults: true } as const;
    await queue.work<ScheduleRunJob, unknown, typeof options>(scheduleRunQueue, options, (jobs) =>
      handleRuns(queue, jobs),
    );
    await queue.work<AlertDeliveryJob, unknown, typeof options>(alertDeliveryQueue, options, (jobs) =>
      Promise.all(
        jobs.map((job) =>
          settle(job, () =>
            deliverAlert({
              firingId: job.data.firingId,
              attempt: job.retryCount + 1,
              lastAttempt: job.retryCount >= job.retryLimit,
            }),
          ),
        ),
      ),
    );
    logger.info(`schedules queue started (${schedules.length} schedule(s))`);
    return queue;
  };

  return {
    start: async () => {
      started = true;
      if (await anySchedule()) {
        await ready();
        return;
      }
      // Most installations never schedule anything: the queue (its tables, its polls every second, its
      // maintenance) waits for the first schedule. This instance starts it when it makes one; another
      // instance on the same PostgreSQL notices within half a minute.
      watcher = setInterval(() => {
        if (starting || stopping) return clearInterval(watcher);
        anySchedule()
          .then((found) => (found ? ready() : undefined))
          .catch((error: unknown) =>
            logger.warn({ err: { message: (error as Error).message } }, 'could not check for schedules'),
          );
      }, 30_000);
      watcher.unref();
    },
    stop: async ({ graceMs = 0 } = {}) => {
      clearInterval(watcher);
      stopping ??= (async () => {
        await starting?.catch(() => {});
        // Jobs still running at the end of the grace period are failed back to the queue, which retries them.
        await boss?.stop({ graceful: true, timeout: Math.max(graceMs, 1000), close: true });
      })();
      await stopping;
    },
    register: async ({ schedule }) => {
      const queue = await ready();
      await dropQueuedOccurrences(queue, schedule.id);
      if (!schedule.paused) await queueOccurrences(queue, [schedule]);
    },
    unregister: async ({ scheduleId }) => {
      await dropQueuedOccurrences(await ready(), scheduleId);
    },
    runNow: async ({ scheduleId }) => {
      const queue = await ready();
      const dueAt = new Date().toISOString();
      await queue.send(scheduleRunQueue, { scheduleId, dueAt, trigger: 'manual' } satisfies ScheduleRunJob, {
        id: randomUUID(),
        ...jobOptions,
      });
      return { dueAt };
    },
    enqueueDelivery: async ({ firingId, startAfter }) => {
      const queue = await ready();
      // One job per firing, whoever queues it (the id comes from the firing).
      await queue.send(alertDeliveryQueue, { firingId } satisfies AlertDeliveryJob, {
        id: stableJobId({ parts: [alertDeliveryQueue, firingId] }),
        ...(startAfter ? { startAfter } : {}),
        ...jobOptions,
      });
    },
  };
}
