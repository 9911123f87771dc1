// Schedules: 1,000 saved tool calls (a cheap read-only SQL query on a local MariaDB through the MySQL
// connector) scheduled every minute (`* * * * *`), run by two API instances on one PostgreSQL (SCHEDULER on
// both), for 3 minutes (`--minutes=N` for more, `--schedules=N` for another count). The runs are then read
// straight from `schedule_runs`: start lag (started_at − due_at), runs lost or doubled per (schedule, minute),
// and each instance's resident memory sampled while they ran. Baseline: the same number of jobs sent straight
// to pg-boss with `startAfter`, worked by two pg-boss instances that do nothing else, just before: the floor of
// the queue on this machine, so the ratio is what scheduling through the API adds. Goals from issue #17:
// start lag p99 at most 5 s, no run lost or doubled.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { seedMysqlSample, startMariadb, startPostgres } from '@connectormcp/services';
import pg from 'pg';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { countExtraExecutions } from '../count-extra-executions.ts';
import { countScheduleRuns } from '../count-schedule-runs.ts';
import { createSchedules } from '../create-schedules.ts';
import { loadAverage, percentile, processCpuMilliseconds, residentMemory } from '../measure.ts';
import { measurePgBossBaseline } from '../measure-pg-boss-baseline.ts';
import { readNumberFlag } from '../read-number-flag.ts';
import { sampleResidentMemory } from '../sample-resident-memory.ts';
import { startApiProcess, type ApiProcess } from '../start-api-process.ts';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));
const scheduleCount = readNumberFlag({ name: 'schedules', fallback: 1000 });
const minutes = readNumberFlag({ name: 'minutes', fallback: 3 });
const instances = 2;
const goals = { startLagP99Seconds: 5 };
const minuteMs = 60_000;
/** The first minute measured starts at least this long after the last schedule was created. */
const settleMs = 5000;
/** How long after its due minute a run may still finish and count. */
const lateMs = 2 * minuteMs;

/**
 * The scheduler's pg-boss settings on PostgreSQL (apps/api/src/schedules/create-job-queue.ts and scheduler.ts's
 * workOptions), copied because a tool may not import the app: the baseline's queue works like the API's.
 */
const schedulerQueueOptions = {
  bossOptions: { max: 4, supervise: true },
  queueOptions: { retryLimit: 2, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 },
  workOptions: { pollingIntervalSeconds: 0.5, batchSize: 100, burstWhenBatchFull: true, localConcurrency: 5 },
};

const lagNote =
  'Start lag: started_at − due_at of each scheduled run in the measured minutes, read from schedule_runs (started_at is when the runner took the job and wrote the run row, before the run waits for its turn on the source, 10 at once per datasource and instance: the finish lag shows when runs ended). Baseline: the same number of jobs inserted straight into pg-boss (its own schema) with startAfter = one moment 10 s ahead, worked by 2 pg-boss instances in the benchmark process with the same work options as the scheduler, whose handler only notes the time: the floor of the queue on this machine with the API instances idle beside it.';
const countNote =
  'One run is expected per schedule and minute. Runs are grouped by the minute their due_at falls in, so a second run of an occurrence counts as doubled even when its due_at differs by milliseconds (the unique (schedule_id, due_at) would let that through); lost = expected (schedule, minute) pairs without a row once the last minute plus 2 minutes has passed.';
const executionsNote =
  'Each scheduled tool call is audited as the owner with detail.schedule_id: per schedule, audit_log tool calls since the first measured minute beyond the attempts of its runs due since then, counted after both instances have stopped. Catches an occurrence executed twice even when the second taker was stopped by the unique run row only after calling the tool.';
const memoryNote =
  'VmRSS of each API process sampled every second from the first measured minute to the end (its connector process not counted); baseline: the same process idle after start, before any schedule existed.';

const nextMinute = (time: number) => new Date(Math.ceil(time / minuteMs) * minuteMs);
const seconds = (milliseconds: number) => milliseconds / 1000;

async function sleepUntil(time: Date) {
  const wait = time.getTime() - Date.now();
  if (wait > 0) await delay(wait);
}

export default defineBenchmark({
  name: 'schedules',
  async run() {
    const mariadb = await startMariadb();
    const postgres = await startPostgres();
    const directory = await mkdtemp(join(tmpdir(), 'connectormcp-schedules-bench-'));
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    const apis: ApiProcess[] = [];
    try {
      await seedMysqlSample({ url: mariadb.url });
      const configFile = join(directory, 'connectormcp.config.json');
      await writeFile(
        configFile,
        JSON.stringify({
          datasources: [
            {
              id: 'shop',
              name: 'Shop',
              command: process.execPath,
              args: [mysqlBin],
              env: { MYSQL_URL: `${mariadb.url}/shop`, LOG_LEVEL: 'warn' },
            },
          ],
        }),
      );
      const apiKey = randomBytes(24).toString('hex');
      const environment = {
        DATABASE_URL: postgres.url,
        API_KEYS: apiKey,
        CONNECTORMCP_CONFIG: configFile,
        SCHEDULER: 'true',
        SCHEDULES_PER_USER: String(scheduleCount),
        RATE_LIMIT_PER_MINUTE: '1000000',
      };
      // One after the other: the first migrates the database and installs the queue.
      for (let index = 0; index < instances; index += 1)
        apis.push(await startApiProcess({ label: `api ${index + 1}`, environment }));
      const idleMegabytes = await Promise.all(apis.map((api) => residentMemory({ pid: api.pid })));

      process.stderr.write(`schedules: baseline, ${scheduleCount} jobs straight to pg-boss…\n`);
      const baselineLags = await measurePgBossBaseline({
        connectionString: postgres.url,
        jobs: scheduleCount,
        instances,
        ...schedulerQueueOptions,
      });
      process.stderr.write(
        `schedules: baseline start lag p50 ${seconds(percentile({ samples: baselineLags, p: 50 })).toFixed(2)} s, p99 ${seconds(percentile({ samples: baselineLags, p: 99 })).toFixed(2)} s\n`,
      );

      const creationStarted = performance.now();
      const scheduleIds = await createSchedules({
        apiUrls: apis.map((api) => api.url),
        apiKey,
        count: scheduleCount,
        cron: '* * * * *',
        savedBody: (index) => ({
          name: `Low stock ${index + 1}`,
          datasource: 'shop',
          tool: 'execute_query',
          arguments: {
            sql: 'SELECT id, sku, stock FROM products WHERE stock < ? ORDER BY id',
            params: [5 + (index % 20)],
          },
        }),
      });
      const creationSeconds = seconds(performance.now() - creationStarted);
      const firstDue = nextMinute(Date.now() + settleMs);
      const dueTimes = Array.from({ length: minutes }, (_, index) => new Date(firstDue.getTime() + index * minuteMs));
      const lastDue = dueTimes.at(-1)!;
      process.stderr.write(
        `schedules: ${scheduleCount} created in ${creationSeconds.toFixed(1)} s; measuring the runs due ${firstDue.toISOString()} to ${lastDue.toISOString()}\n`,
      );

      await sleepUntil(firstDue);
      const pids = apis.map((api) => api.pid);
      const memory = sampleResidentMemory({ pids });
      const loads: number[] = [];
      const loadTimer = setInterval(() => void loadAverage().then((load) => loads.push(load)), 5000);
      const cpuBefore = await Promise.all(pids.map((pid) => processCpuMilliseconds({ pid })));
      for (const due of dueTimes) {
        await sleepUntil(new Date(due.getTime() + minuteMs - 2000));
        const minute = await countScheduleRuns({ pool, scheduleIds, dueTimes: [due] });
        process.stderr.write(
          `schedules: ${due.toISOString()}: ${minute.stored}/${minute.expected} started, ${minute.running} running, start lag p99 ${seconds(percentile({ samples: minute.startLags, p: 99 })).toFixed(2)} s\n`,
        );
      }
      // The last minute's runs may still be going: wait until each has finished, or for lateMs at most.
      let counts = await countScheduleRuns({ pool, scheduleIds, dueTimes });
      while ((counts.lost > 0 || counts.running > 0) && Date.now() < lastDue.getTime() + lateMs) {
        await delay(5000);
        counts = await countScheduleRuns({ pool, scheduleIds, dueTimes });
      }
      const cpuAfter = await Promise.all(pids.map((pid) => processCpuMilliseconds({ pid })));
      const memorySummaries = await memory.stop();
      clearInterval(loadTimer);
      const errorLines = apis.map((api) => api.errorLines());
      // Stopped (drained) before the last count, so every run that started has finished and been audited.
      await Promise.all(apis.map((api) => api.stop({ timeoutMs: 20_000 })));
      counts = await countScheduleRuns({ pool, scheduleIds, dueTimes });
      const executions = await countExtraExecutions({ pool, scheduleIds, from: firstDue });
      if (counts.errorSamples.length > 0)
        process.stderr.write(`schedules: failed runs, e.g. ${counts.errorSamples.join(' | ')}\n`);

      const benchmark = `schedules ${scheduleCount} every minute, ${instances} API instances, PostgreSQL, ${minutes} min`;
      const lag = (p: number) => ({
        value: seconds(percentile({ samples: counts.startLags, p })),
        baseline: seconds(percentile({ samples: baselineLags, p })),
      });
      const p99 = lag(99);
      const rows: BenchmarkRow[] = [
        { benchmark, metric: 'runs expected', value: counts.expected, unit: 'runs', note: countNote },
        { benchmark, metric: 'runs lost', value: counts.lost, unit: 'runs', goal: '0', met: counts.lost === 0 },
        {
          benchmark,
          metric: 'runs doubled',
          value: counts.doubled,
          unit: 'runs',
          goal: '0',
          met: counts.doubled === 0,
          note: countNote,
        },
        {
          benchmark,
          metric: `tool calls beyond one per run attempt (${executions.executions} audited, ${executions.attempts} attempts)`,
          value: executions.extra,
          unit: 'calls',
          goal: '0',
          met: executions.extra === 0,
          note: executionsNote,
        },
        { benchmark, metric: 'runs with due_at off the minute', value: counts.offMinute, unit: 'runs' },
        { benchmark, metric: 'runs failed (status error)', value: counts.errors, unit: 'runs' },
        { benchmark, metric: 'runs still running at the end', value: counts.running, unit: 'runs' },
        { benchmark, metric: 'start lag p50', ...lag(50), unit: 's', note: lagNote },
        { benchmark, metric: 'start lag p95', ...lag(95), unit: 's', note: lagNote },
        {
          benchmark,
          metric: 'start lag p99',
          ...p99,
          unit: 's',
          goal: `<= ${goals.startLagP99Seconds} s`,
          met: p99.value <= goals.startLagP99Seconds,
          note: lagNote,
        },
        { benchmark, metric: 'start lag max', ...lag(100), unit: 's', note: lagNote },
        {
          benchmark,
          metric: 'finish lag p99 (due to finished)',
          value: seconds(percentile({ samples: counts.finishLags, p: 99 })),
          unit: 's',
        },
        {
          benchmark,
          metric: 'run duration p50',
          value: percentile({ samples: counts.durations, p: 50 }),
          unit: 'ms',
        },
        {
          benchmark,
          metric: 'run duration p99',
          value: percentile({ samples: counts.durations, p: 99 }),
          unit: 'ms',
        },
        {
          benchmark,
          metric: 'runs started per second (first to last start of a minute)',
          value: counts.startsPerSecond,
          unit: 'runs/s',
        },
        {
          benchmark,
          metric: 'machine load average while running (mean of 1-minute figures)',
          value: loads.reduce((sum, load) => sum + load, 0) / loads.length,
          unit: '',
          note: `The 1-minute load average of the machine (${cpus().length} CPUs), sampled every 5 s: above the CPU count, runs waited for a CPU as well as for the queue.`,
        },
        {
          benchmark,
          metric: `creating ${scheduleCount} saved items and schedules over HTTP`,
          value: creationSeconds,
          unit: 's',
        },
      ];
      apis.forEach((api, index) => {
        const summary = memorySummaries.get(api.pid)!;
        const label = `API ${index + 1}`;
        rows.push(
          {
            benchmark,
            metric: `${label} RSS peak while running`,
            value: summary.peak,
            unit: 'MB',
            baseline: idleMegabytes[index]!,
            note: memoryNote,
          },
          {
            benchmark,
            metric: `${label} RSS at the end`,
            value: summary.last,
            unit: 'MB',
            baseline: idleMegabytes[index]!,
            note: memoryNote,
          },
          {
            benchmark,
            metric: `${label} CPU time while running`,
            value: seconds(cpuAfter[index]! - cpuBefore[index]!),
            unit: 's',
          },
          { benchmark, metric: `${label} error log lines`, value: errorLines[index]!, unit: 'lines' },
        );
      });
      return rows;
    } finally {
      await Promise.all(apis.map((api) => api.stop({ timeoutMs: 20_000 })));
      await pool.end();
      await postgres.stop();
      await mariadb.stop();
      await rm(directory, { recursive: true, force: true });
    }
  },
});
