import type { RunDiff, RunResult, ScheduleRunDetail, ScheduleRunSummary } from '../contracts/index.js';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import type { ScheduleRunRow } from './schedule-rows.js';

export interface ScheduleRunPage {
  runs: ScheduleRunSummary[];
  /** The id to pass as `before` for the next (older) page; null on the last page. */
  next_before: string | null;
}

export interface ScheduleRunStore {
  /** Finished runs (ok or error), newest first, keyset-paginated on (started_at, id); undefined for an unknown `before`. */
  list(options: {
    scheduleId: string;
    limit: number;
    before?: string | undefined;
  }): Promise<ScheduleRunPage | undefined>;
  /** A finished run of this schedule with its result and diff. */
  detail(options: { scheduleId: string; runId: string }): Promise<ScheduleRunDetail | undefined>;
  /** Each schedule's newest finished run. */
  lastRuns(options: { scheduleIds: string[] }): Promise<Map<string, ScheduleRunSummary>>;
  /** When each schedule's run in progress started (those with none are absent). */
  runningSince(options: { scheduleIds: string[] }): Promise<Map<string, string>>;
}

const runColumns = `id, schedule_id, due_at, trigger, status, attempt, started_at, finished_at, result, diff, metrics, error, usage`;

const summaryLength = 200;

const plural = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;

/** One line for a list: the error, `N rows` for a table, else the text's first line. */
export function summarizeRun({ error, result }: Pick<ScheduleRunRow, 'error' | 'result'>): string {
  if (error) return error.message.slice(0, summaryLength);
  if (result?.rows) return plural(result.row_count ?? result.rows.length);
  const firstLine = (result?.text ?? '').trim().split('\n')[0]?.trim() ?? '';
  if (firstLine) return firstLine.length > summaryLength ? `${firstLine.slice(0, summaryLength - 1)}…` : firstLine;
  return 'No result';
}

const rowCount = (result: RunResult | null) => result?.row_count ?? (result?.rows ? result.rows.length : null);

// Only the contract's fields reach the wire, whatever else a row's JSON may hold.
const runResultOf = (result: RunResult | null): RunResult | null =>
  result
    ? {
        columns: result.columns ?? null,
        rows: result.rows ?? null,
        row_count: result.row_count ?? null,
        truncated: result.truncated === true,
        text: result.text ?? null,
      }
    : null;

const runDiffOf = (diff: RunDiff | null): RunDiff | null =>
  diff
    ? {
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        key: diff.key ?? null,
        columns: diff.columns ?? [],
        added_rows: diff.added_rows ?? [],
        removed_rows: diff.removed_rows ?? [],
        changed_rows: (diff.changed_rows ?? []).map(({ before, after }) => ({ before, after })),
        truncated: diff.truncated === true,
      }
    : null;

/** A finished run as the list shows it (no rows). */
export function toRunSummary(row: ScheduleRunRow): ScheduleRunSummary {
  const finishedAt = row.finished_at ?? row.started_at;
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    // A running row is never listed; this only keeps the type honest.
    status: row.status === 'ok' ? 'ok' : 'error',
    trigger: row.trigger,
    due_at: isoTimestamp(row.due_at),
    started_at: isoTimestamp(row.started_at),
    finished_at: isoTimestamp(finishedAt),
    duration_ms: Math.max(0, new Date(finishedAt).getTime() - new Date(row.started_at).getTime()),
    attempt: row.attempt,
    row_count: rowCount(row.result),
    summary: summarizeRun(row),
    diff: row.diff ? { added: row.diff.added, removed: row.diff.removed, changed: row.diff.changed } : null,
    metrics: row.metrics ?? {},
    error: row.error ? { code: row.error.code, message: row.error.message } : null,
    usage: row.usage
      ? {
          inputTokens: row.usage.inputTokens,
          outputTokens: row.usage.outputTokens,
          cacheReadTokens: row.usage.cacheReadTokens,
          cacheWriteTokens: row.usage.cacheWriteTokens,
          estimatedCostUsd: row.usage.estimatedCostUsd,
        }
      : null,
  };
}

/** The read side of `schedule_runs` for the API (the runner writes them). */
export function createScheduleRunStore({ database }: { database: Database }): ScheduleRunStore {
  return {
    async list({ scheduleId, limit, before }) {
      const params: unknown[] = [scheduleId, limit + 1];
      let after = '';
      if (before) {
        const known = await database.query('SELECT 1 FROM schedule_runs WHERE id = $1 AND schedule_id = $2', [
          before,
          scheduleId,
        ]);
        if (known.length === 0) return undefined;
        params.push(before);
        // Compared in the database, to the microsecond: runs started within one millisecond are neither skipped nor repeated.
        after = `AND (started_at, id) < (SELECT started_at, id FROM schedule_runs WHERE id = $3)`;
      }
      const rows = await database.query<ScheduleRunRow>(
        `SELECT ${runColumns} FROM schedule_runs
         WHERE schedule_id = $1 AND status IN ('ok', 'error') ${after}
         ORDER BY started_at DESC, id DESC LIMIT $2`,
        params,
      );
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      return { runs: kept.map(toRunSummary), next_before: more ? kept.at(-1)!.id : null };
    },
    async detail({ scheduleId, runId }) {
      const [row] = await database.query<ScheduleRunRow>(
        `SELECT ${runColumns} FROM schedule_runs WHERE id = $1 AND schedule_id = $2 AND status IN ('ok', 'error')`,
        [runId, scheduleId],
      );
      if (!row) return undefined;
      return { ...toRunSummary(row), result: runResultOf(row.result), diff_detail: runDiffOf(row.diff) };
    },
    async lastRuns({ scheduleIds }) {
      if (scheduleIds.length === 0) return new Map();
      const rows = await database.query<ScheduleRunRow>(
        `SELECT DISTINCT ON (schedule_id) ${runColumns} FROM schedule_runs
         WHERE schedule_id = ANY($1) AND status IN ('ok', 'error')
         ORDER BY schedule_id, started_at DESC, id DESC`,
        [scheduleIds],
      );
      return new Map(rows.map((row) => [row.schedule_id, toRunSummary(row)]));
    },
    async runningSince({ scheduleIds }) {
      if (scheduleIds.length === 0) return new Map();
      const rows = await database.query<{ schedule_id: string; since: Date }>(
        `SELECT schedule_id, min(started_at) AS since FROM schedule_runs
         WHERE schedule_id = ANY($1) AND status = 'running' GROUP BY schedule_id`,
        [scheduleIds],
      );
      return new Map(rows.map((row) => [row.schedule_id, isoTimestamp(row.since)]));
    },
  };
}
