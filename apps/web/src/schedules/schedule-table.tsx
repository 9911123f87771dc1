import type { Schedule } from './schedule-types.js';
import { DateCell } from '../account/date-cell.js';
import { smallButtonClass } from '../admin/datasources/button-styles.js';
import { Spinner } from '../admin/datasources/spinner.js';
import { CronText } from './cron-text.js';
import { RunStatus } from './run-status.js';
import { cellClass, headerClass, mutedClass } from './table-styles.js';

export const kindLabel = (kind: Schedule['kind']) => (kind === 'tool_call' ? 'Tool call' : 'Question');

function LastRun({ schedule, running }: { schedule: Schedule; running: boolean }) {
  if (running) return <RunStatus status="running" />;
  if (!schedule.last_run) return <RunStatus status={null} />;
  return (
    <span>
      <RunStatus status={schedule.last_run.status} />
      <span className={`block text-xs ${mutedClass}`}>
        <DateCell iso={schedule.last_run.started_at} />
      </span>
      {schedule.last_run.status === 'error' ? (
        <span className="block max-w-56 break-words text-xs">{schedule.last_run.summary}</span>
      ) : null}
    </span>
  );
}

function Alerts({ schedule }: { schedule: Schedule }) {
  const firing = schedule.last_firing;
  return (
    <span>
      {schedule.alerts === 0 ? 'None' : `${schedule.alerts} alert${schedule.alerts === 1 ? '' : 's'}`}
      {firing ? (
        <span className={`block text-xs ${mutedClass}`}>
          Last fired <DateCell iso={firing.fired_at} /> ({firing.alert_name}, {firing.status})
        </span>
      ) : null}
    </span>
  );
}

/**
 * The caller's schedules: what runs, when (cron in words, zone), the next run, the last run's outcome, its
 * alerts and their last firing; each can be opened, run now, paused or resumed, and deleted.
 */
export function ScheduleTable({
  schedules,
  runningIds,
  pendingPauseId,
  onOpen,
  onRunNow,
  onTogglePaused,
  onDelete,
}: {
  schedules: Schedule[];
  /** Schedules with a run in progress or asked for. */
  runningIds: ReadonlySet<string>;
  pendingPauseId: string | null;
  onOpen: (schedule: Schedule) => void;
  onRunNow: (schedule: Schedule) => void;
  onTogglePaused: (schedule: Schedule) => void;
  onDelete: (schedule: Schedule) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[52rem] text-sm">
        <caption className="sr-only">Your schedules</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={headerClass}>
              Schedule
            </th>
            <th scope="col" className={headerClass}>
              When
            </th>
            <th scope="col" className={headerClass}>
              Next run
            </th>
            <th scope="col" className={headerClass}>
              Last run
            </th>
            <th scope="col" className={headerClass}>
              Alerts
            </th>
            <th scope="col" className={headerClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {schedules.map((schedule) => {
            const running = runningIds.has(schedule.id);
            return (
              <tr key={schedule.id} data-testid="schedule-row" data-schedule-id={schedule.id}>
                <th scope="row" className={`${cellClass} text-left font-normal`}>
                  <button
                    type="button"
                    className="text-left font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                    onClick={() => onOpen(schedule)}
                  >
                    {schedule.name}
                  </button>
                  <span className={`block text-xs ${mutedClass}`}>{kindLabel(schedule.kind)}</span>
                </th>
                <td className={cellClass}>
                  <CronText cron={schedule.cron} />
                  <span className={`block text-xs ${mutedClass}`}>{schedule.timezone}</span>
                </td>
                <td className={cellClass}>
                  {schedule.paused ? (
                    <span className="font-medium">
                      <span aria-hidden="true">⏸ </span>Paused
                    </span>
                  ) : (
                    <DateCell iso={schedule.next_run_at} empty="—" />
                  )}
                </td>
                <td className={cellClass}>
                  <LastRun schedule={schedule} running={running} />
                </td>
                <td className={cellClass}>
                  <Alerts schedule={schedule} />
                </td>
                <td className={`${cellClass} whitespace-nowrap text-right`}>
                  <span className="inline-flex gap-1">
                    <button
                      type="button"
                      className={smallButtonClass}
                      disabled={running}
                      onClick={() => onRunNow(schedule)}
                    >
                      {running ? <Spinner /> : null}
                      {running ? ' Running…' : 'Run now'}
                      <span className="sr-only"> {schedule.name}</span>
                    </button>
                    <button
                      type="button"
                      className={smallButtonClass}
                      disabled={pendingPauseId === schedule.id}
                      onClick={() => onTogglePaused(schedule)}
                    >
                      {schedule.paused ? 'Resume' : 'Pause'}
                      <span className="sr-only"> {schedule.name}</span>
                    </button>
                    <button
                      type="button"
                      className={`${smallButtonClass} text-rose-800 dark:text-rose-300`}
                      onClick={() => onDelete(schedule)}
                    >
                      Delete<span className="sr-only"> {schedule.name}</span>
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
