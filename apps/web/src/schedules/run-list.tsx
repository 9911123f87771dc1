import type { ScheduleRunSummary } from './schedule-types.js';
import { smallButtonClass } from '../admin/datasources/button-styles.js';
import { durationText } from '../admin/audit/audit-entry-summary.js';
import { diffCountsText } from './run-diff-rows.js';
import { formatRunTime } from './format-run-time.js';
import { RunStatus } from './run-status.js';
import { cellClass, headerClass, mutedClass } from './table-styles.js';

/** A schedule's runs, newest first: outcome, start, time taken, rows, what changed and one line; each can be shown. */
export function RunList({
  runs,
  selectedId,
  running,
  onSelect,
}: {
  runs: ScheduleRunSummary[];
  selectedId: string | null;
  /** A run is in progress or asked for: a row says so at the top. */
  running: boolean;
  onSelect: (run: ScheduleRunSummary) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">Runs, newest first</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={headerClass}>
              Status
            </th>
            <th scope="col" className={headerClass}>
              Started
            </th>
            <th scope="col" className={`${headerClass} text-right`}>
              Duration
            </th>
            <th scope="col" className={`${headerClass} text-right`}>
              Rows
            </th>
            <th scope="col" className={headerClass}>
              Changes
            </th>
            <th scope="col" className={headerClass}>
              Summary
            </th>
            <th scope="col" className={headerClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {running ? (
            <tr data-testid="run-in-progress">
              <td className={cellClass} colSpan={7}>
                <span role="status">
                  <RunStatus status="running" />
                  <span className={`ml-2 ${mutedClass}`}>The run shows here when it has finished.</span>
                </span>
              </td>
            </tr>
          ) : null}
          {runs.map((run) => {
            const selected = run.id === selectedId;
            return (
              <tr
                key={run.id}
                data-testid="schedule-run"
                data-status={run.status}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'bg-indigo-50 dark:bg-indigo-950/40' : undefined}
              >
                <td className={cellClass}>
                  <RunStatus status={run.status} />
                  {run.trigger === 'manual' ? <span className={`block text-xs ${mutedClass}`}>by hand</span> : null}
                </td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  <time dateTime={run.started_at}>{formatRunTime({ time: run.started_at })}</time>
                </td>
                <td className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>
                  {durationText({ milliseconds: run.duration_ms })}
                </td>
                <td className={`${cellClass} text-right tabular-nums`}>{run.row_count ?? '—'}</td>
                <td className={cellClass}>
                  {run.diff ? diffCountsText(run.diff) : <span className={mutedClass}>—</span>}
                </td>
                <td className={`${cellClass} max-w-xs break-words`}>{run.summary}</td>
                <td className={`${cellClass} whitespace-nowrap text-right`}>
                  <button
                    type="button"
                    className={smallButtonClass}
                    aria-pressed={selected}
                    onClick={() => onSelect(run)}
                  >
                    {selected ? 'Shown' : 'Show'}
                    <span className="sr-only"> the run of {formatRunTime({ time: run.started_at })}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
