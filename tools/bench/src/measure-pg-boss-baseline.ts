import { PgBoss, type ConstructorOptions, type Queue, type WorkOptions } from 'pg-boss';

const queueName = 'bench-baseline';

/**
 * The floor of the schedules benchmark: `jobs` jobs sent straight to pg-boss, all due at one moment
 * (`startAfter`), worked by `instances` pg-boss instances in this process whose handler only notes when it
 * was called. Returns each job's start lag (handler called − due), in milliseconds. The instances use their
 * own schema, so the API's queue is not touched; `bossOptions`, `queueOptions` and `workOptions` should be the
 * scheduler's, so the difference to the API is what the API adds (cron, loading the schedule, the run row).
 */
export async function measurePgBossBaseline({
  connectionString,
  jobs,
  instances,
  bossOptions = {},
  queueOptions = {},
  workOptions = {},
  leadMs = 10_000,
  timeoutMs = 120_000,
}: {
  connectionString: string;
  jobs: number;
  instances: number;
  bossOptions?: Partial<ConstructorOptions>;
  queueOptions?: Omit<Queue, 'name'>;
  workOptions?: WorkOptions;
  /** How far ahead of sending the jobs are due, so sending is done before the first is. */
  leadMs?: number;
  timeoutMs?: number;
}): Promise<number[]> {
  const bosses = Array.from(
    { length: instances },
    () => new PgBoss({ ...bossOptions, connectionString, schema: 'bench_baseline', schedule: false }),
  );
  const lags: number[] = [];
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  try {
    // One after the other: the first creates the schema.
    for (const boss of bosses) {
      boss.on('error', (error) => console.error('pg-boss baseline:', error));
      await boss.start();
    }
    await bosses[0]!.createQueue(queueName, queueOptions);
    const dueAt = new Date(Date.now() + leadMs);
    for (const boss of bosses)
      await boss.work<{ index: number }>(queueName, workOptions, async (batch) => {
        const now = Date.now();
        for (const _job of batch) lags.push(now - dueAt.getTime());
        if (lags.length >= jobs) finish();
      });
    const batchSize = 500;
    for (let start = 0; start < jobs; start += batchSize)
      await bosses[0]!.insert(
        queueName,
        Array.from({ length: Math.min(batchSize, jobs - start) }, (_, offset) => ({
          data: { index: start + offset },
          startAfter: dueAt,
        })),
      );
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, leadMs + timeoutMs))]);
    if (lags.length < jobs) console.error(`pg-boss baseline: ${lags.length} of ${jobs} jobs started in time`);
    return lags;
  } finally {
    await Promise.all(bosses.map((boss) => boss.stop({ graceful: true, timeout: 5000 }).catch(() => undefined)));
  }
}
