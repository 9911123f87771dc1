import type pg from 'pg';

const minuteMs = 60_000;

export interface ScheduleRunCounts {
  /** One run per schedule and due minute. */
  expected: number;
  /** (schedule, minute) pairs with at least one run row. */
  stored: number;
  /** Expected pairs without a run row. */
  lost: number;
  /** Run rows beyond the first of a (schedule, minute) pair: the same occurrence run twice. */
  doubled: number;
  /** Run rows whose due time is not exactly the minute's (seconds or milliseconds off the cron occurrence). */
  offMinute: number;
  /** Finished runs with status error, and runs still marked running when they were read. */
  errors: number;
  running: number;
  /** started_at − due_at of each run, in milliseconds. */
  startLags: number[];
  /** finished_at − due_at of each finished run, in milliseconds. */
  finishLags: number[];
  /** finished_at − started_at of each finished run, in milliseconds. */
  durations: number[];
  /** Runs started per second while a minute's runs were starting (from its first start to its last). */
  startsPerSecond: number;
  /** The first error messages, to say why runs failed. */
  errorSamples: string[];
}

interface RunRow {
  schedule_id: string;
  due_at: Date;
  started_at: Date;
  finished_at: Date | null;
  status: 'running' | 'ok' | 'error';
  error: { code: string; message: string } | null;
}

/**
 * Reads the scheduled runs of `scheduleIds` due in the minutes `dueTimes` straight from `schedule_runs` and
 * counts them against one run per schedule and minute. Rows are grouped by the minute their due time falls
 * in, so a second run of the same occurrence is seen even if its due time differs by milliseconds (which the
 * table's unique (schedule_id, due_at) would let through).
 */
export async function countScheduleRuns({
  pool,
  scheduleIds,
  dueTimes,
}: {
  pool: pg.Pool;
  scheduleIds: string[];
  dueTimes: Date[];
}): Promise<ScheduleRunCounts> {
  const first = dueTimes[0]!;
  const last = dueTimes.at(-1)!;
  const { rows } = await pool.query<RunRow>(
    `SELECT schedule_id, due_at, started_at, finished_at, status, error
       FROM schedule_runs
      WHERE schedule_id = ANY($1) AND trigger = 'schedule' AND due_at >= $2 AND due_at < $3`,
    [scheduleIds, first, new Date(last.getTime() + minuteMs)],
  );
  const perPair = new Map<string, number>();
  const counts: ScheduleRunCounts = {
    expected: scheduleIds.length * dueTimes.length,
    stored: 0,
    lost: 0,
    doubled: 0,
    offMinute: 0,
    errors: 0,
    running: 0,
    startLags: [],
    finishLags: [],
    durations: [],
    startsPerSecond: Number.NaN,
    errorSamples: [],
  };
  const startSpans = new Map<number, { first: number; last: number }>();
  for (const row of rows) {
    const due = row.due_at.getTime();
    const minute = Math.floor(due / minuteMs) * minuteMs;
    if (due !== minute) counts.offMinute += 1;
    const pair = `${row.schedule_id} ${minute}`;
    perPair.set(pair, (perPair.get(pair) ?? 0) + 1);
    counts.startLags.push(row.started_at.getTime() - due);
    const started = row.started_at.getTime();
    const span = startSpans.get(minute) ?? { first: started, last: started };
    startSpans.set(minute, { first: Math.min(span.first, started), last: Math.max(span.last, started) });
    if (row.status === 'running') counts.running += 1;
    if (row.status === 'error') {
      counts.errors += 1;
      if (counts.errorSamples.length < 3) counts.errorSamples.push(`${row.error?.code}: ${row.error?.message}`);
    }
    if (row.finished_at) {
      counts.finishLags.push(row.finished_at.getTime() - due);
      counts.durations.push(row.finished_at.getTime() - row.started_at.getTime());
    }
  }
  const spanMs = [...startSpans.values()].reduce((sum, span) => sum + span.last - span.first, 0);
  if (spanMs > 0) counts.startsPerSecond = rows.length / (spanMs / 1000);
  counts.stored = perPair.size;
  counts.lost = counts.expected - counts.stored;
  counts.doubled = [...perPair.values()].reduce((sum, runs) => sum + runs - 1, 0);
  return counts;
}
