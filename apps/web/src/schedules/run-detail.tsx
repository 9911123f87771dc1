import type { ScheduleRunDetail } from './schedule-types.js';
import { useId, useMemo } from 'react';
import { Spinner } from '../admin/datasources/spinner.js';
import { Banner } from '../layout/banner.js';
import { TableResult } from '../results/table-result.js';
import { formatRunTime } from './format-run-time.js';
import { diffCountsText } from './run-diff-rows.js';
import { RunDiffTable } from './run-diff-table.js';
import { runResultTable } from './run-result-table.js';
import { RunStatus } from './run-status.js';
import { mutedClass } from './table-styles.js';
import { useScheduleRun } from './use-schedules.js';

function RunResultSection({ run, name }: { run: ScheduleRunDetail; name: string }) {
  const result = run.result;
  const table = useMemo(
    () => (result?.columns && result.rows ? runResultTable({ columns: result.columns, rows: result.rows }) : null),
    [result],
  );
  if (!result) return null;
  return (
    <div className="space-y-2">
      {result.truncated ? (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Cut: only the first rows are kept
          {result.row_count !== null ? ` (the source returned ${result.row_count})` : ''}.
        </p>
      ) : null}
      {table ? (
        <TableResult
          table={table}
          name={name}
          caption={`Result of the run of ${formatRunTime({ time: run.started_at })}`}
        />
      ) : null}
      {result.text ? (
        <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800">
          {result.text}
        </pre>
      ) : null}
    </div>
  );
}

function RunChanges({ run }: { run: ScheduleRunDetail }) {
  const diff = run.diff_detail;
  if (!diff) {
    return (
      <p className={`text-sm ${mutedClass}`}>
        {run.status === 'error'
          ? 'A failed run is not compared.'
          : 'Nothing to compare with: no earlier successful run.'}
      </p>
    );
  }
  const listed = diff.added_rows.length + diff.removed_rows.length + diff.changed_rows.length;
  return (
    <div className="space-y-2">
      <p className="text-sm">
        {diffCountsText(diff)} since the previous run
        {diff.key ? (
          <span className={mutedClass}> (rows matched by {diff.key})</span>
        ) : (
          <span className={mutedClass}> (whole rows compared)</span>
        )}
        .{diff.truncated ? ` Only the first ${listed} are listed.` : ''}
      </p>
      {listed === 0 && diff.changed > 0 ? <p className="text-sm">The answer’s text changed.</p> : null}
      <RunDiffTable diff={diff} />
    </div>
  );
}

/** One run: its outcome, its kept result as a table (or text), and what changed since the run before. */
export function RunDetail({ scheduleId, runId, name }: { scheduleId: string; runId: string; name: string }) {
  const titleId = useId();
  const run = useScheduleRun({ scheduleId, runId });
  if (run.isPending)
    return (
      <p role="status" className={`flex items-center gap-2 text-sm ${mutedClass}`}>
        <Spinner /> Loading the run…
      </p>
    );
  if (run.isError)
    return (
      <Banner tone="error" title="The run could not be loaded">
        <p>{run.error.message}</p>
      </Banner>
    );
  const detail = run.data;
  return (
    <section aria-labelledby={titleId} className="space-y-3" data-testid="run-detail">
      <h3 id={titleId} className="text-sm font-semibold">
        Run of {formatRunTime({ time: detail.started_at })}{' '}
        <span className="font-normal">
          — <RunStatus status={detail.status} />
        </span>
      </h3>
      {detail.error ? (
        <Banner tone="error" title="The run failed">
          <p>
            {detail.error.message} <span className="font-mono text-xs">({detail.error.code})</span>
          </p>
          {detail.attempt > 1 ? <p>After {detail.attempt} attempts.</p> : null}
        </Banner>
      ) : null}
      <RunResultSection run={detail} name={name} />
      <h4 className="text-sm font-semibold">Changes</h4>
      <RunChanges run={detail} />
    </section>
  );
}
