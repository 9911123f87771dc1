import type { SavedItem, Schedule } from './schedule-types.js';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { DateCell } from '../account/date-cell.js';
import { secondaryButtonClass } from '../admin/datasources/button-styles.js';
import { Spinner } from '../admin/datasources/spinner.js';
import { Banner } from '../layout/banner.js';
import { AlertsPanel } from './alerts/alerts-panel.js';
import { CronText } from './cron-text.js';
import { EditScheduleForm } from './edit-schedule-form.js';
import { MetricsChart } from './metrics-chart.js';
import { RunDetail } from './run-detail.js';
import { RunList } from './run-list.js';
import { SavedItemDescription } from './saved-item-description.js';
import { kindLabel } from './schedule-table.js';
import { mutedClass } from './table-styles.js';
import { useScheduleRuns } from './use-schedules.js';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className={`text-xs font-semibold uppercase tracking-wide ${mutedClass}`}>{term}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/**
 * One schedule: what it runs and when, its actions, its runs (newest first, a page at a time) with the
 * chosen run's result and changes, its numbers over time and its alerts. The heading takes the focus when
 * it opens, so a keyboard or screen reader user lands on it.
 */
export function ScheduleDetail({
  schedule,
  savedItem,
  running,
  pausePending,
  onBack,
  onRunNow,
  onTogglePaused,
  onDelete,
  onEdited,
}: {
  schedule: Schedule;
  savedItem: SavedItem | undefined;
  running: boolean;
  pausePending: boolean;
  onBack: () => void;
  onRunNow: () => void;
  onTogglePaused: () => void;
  onDelete: () => void;
  onEdited: (message: string) => void;
}) {
  const runsTitleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [pickedRunId, setPickedRunId] = useState<string | null>(null);
  const runs = useScheduleRuns({ scheduleId: schedule.id, pollMs: running ? 1_500 : 30_000 });
  const runList = useMemo(() => runs.data?.pages.flatMap((page) => page.runs) ?? [], [runs.data]);
  // The newest run is shown until someone picks another.
  const selectedRunId = pickedRunId ?? runList[0]?.id ?? null;

  useEffect(() => heading.current?.focus(), []);
  // A run has just finished: its row is fetched at once rather than at the next slow poll.
  const wasRunning = useRef(running);
  const { refetch } = runs;
  useEffect(() => {
    if (wasRunning.current && !running) void refetch();
    wasRunning.current = running;
  }, [running, refetch]);

  return (
    <div className="space-y-4">
      <button type="button" className={secondaryButtonClass} onClick={onBack}>
        <span aria-hidden="true">←</span> All schedules
      </button>
      <div>
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {schedule.name}
        </h2>
        {savedItem ? <SavedItemDescription item={savedItem} /> : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-5 dark:border-slate-800">
        <Fact term="Kind">{kindLabel(schedule.kind)}</Fact>
        <Fact term="When">
          <CronText cron={schedule.cron} />
        </Fact>
        <Fact term="Time zone">{schedule.timezone}</Fact>
        <Fact term="Next run">{schedule.paused ? 'Paused' : <DateCell iso={schedule.next_run_at} empty="—" />}</Fact>
        <Fact term="Alerts">{schedule.alerts}</Fact>
      </dl>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Schedule actions">
        <button type="button" className={secondaryButtonClass} disabled={running} onClick={onRunNow}>
          {running ? <Spinner /> : null}
          {running ? 'Running…' : 'Run now'}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pausePending} onClick={onTogglePaused}>
          {schedule.paused ? 'Resume' : 'Pause'}
        </button>
        <button
          ref={editButton}
          type="button"
          className={secondaryButtonClass}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          Change schedule
        </button>
        <button type="button" className={`${secondaryButtonClass} text-rose-800 dark:text-rose-300`} onClick={onDelete}>
          Delete
        </button>
      </div>
      {editing ? (
        <EditScheduleForm
          schedule={schedule}
          onClose={(saved) => {
            setEditing(false);
            editButton.current?.focus();
            if (saved) onEdited(`Saved: ${saved.name} runs ${saved.cron} (${saved.timezone}).`);
          }}
        />
      ) : null}
      <section aria-labelledby={runsTitleId} className="space-y-2">
        <h3 id={runsTitleId} className="text-sm font-semibold">
          Runs
        </h3>
        {runs.isPending ? (
          <p role="status" className={`flex items-center gap-2 text-sm ${mutedClass}`}>
            <Spinner /> Loading runs…
          </p>
        ) : null}
        {runs.isError ? (
          <Banner tone="error" title="The runs could not be loaded">
            <p>{runs.error.message}</p>
          </Banner>
        ) : null}
        {runs.isSuccess && runList.length === 0 && !running ? (
          <p className={`text-sm ${mutedClass}`}>
            No runs yet. {schedule.paused ? 'It is paused; ' : ''}Use “Run now” to see a result without waiting.
          </p>
        ) : null}
        {runList.length > 0 || running ? (
          <RunList
            runs={runList}
            selectedId={selectedRunId}
            running={running}
            onSelect={(run) => setPickedRunId(run.id)}
          />
        ) : null}
        {runs.hasNextPage ? (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={runs.isFetchingNextPage}
            onClick={() => void runs.fetchNextPage()}
          >
            {runs.isFetchingNextPage ? <Spinner /> : null}
            {runs.isFetchingNextPage ? 'Loading more…' : 'Older runs'}
          </button>
        ) : null}
      </section>
      {selectedRunId ? <RunDetail scheduleId={schedule.id} runId={selectedRunId} name={schedule.name} /> : null}
      <MetricsChart runs={runList} name={schedule.name} />
      <AlertsPanel scheduleId={schedule.id} />
    </div>
  );
}
