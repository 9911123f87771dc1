import type { SavedItem, Schedule } from './schedule-types.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { primaryButtonClass } from '../admin/datasources/button-styles.js';
import { ConfirmDialog } from '../admin/datasources/confirm-dialog.js';
import { Spinner } from '../admin/datasources/spinner.js';
import { Banner } from '../layout/banner.js';
import { CreateScheduleForm } from './create-schedule-form.js';
import { SavedItemsList } from './saved-items-list.js';
import { ScheduleDetail } from './schedule-detail.js';
import { ScheduleTable } from './schedule-table.js';
import { emptyStateClass, mutedClass } from './table-styles.js';
import { useRunNow } from './use-run-now.js';
import { useDeleteSaved, useDeleteSchedule, useSavedItems, useSchedules, useUpdateSchedule } from './use-schedules.js';

type Screen = { type: 'list' } | { type: 'create'; savedId: string | null } | { type: 'detail'; scheduleId: string };

type Deleting = { type: 'schedule'; schedule: Schedule } | { type: 'saved'; item: SavedItem };

/**
 * The Schedules page: the caller's schedules (run now, pause or resume, delete, open one for its runs,
 * results, changes, chart and alerts), a form to schedule a saved item, and the saved items themselves.
 */
export function SchedulesPage({ scheduleId }: { scheduleId?: string | null | undefined } = {}) {
  const runNow = useRunNow();
  const schedules = useSchedules({ waiting: runNow.waiting });
  const saved = useSavedItems();
  const update = useUpdateSchedule();
  const removeSchedule = useDeleteSchedule();
  const removeSaved = useDeleteSaved();
  // Opened from a chat's "Open in Schedules", the page starts on the schedule just made.
  const [screen, setScreen] = useState<Screen>(scheduleId ? { type: 'detail', scheduleId } : { type: 'list' });
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // Where the focus goes once the screen it belongs to is shown.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const savedTitleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useRef<HTMLDivElement>(null);
  const list = useMemo(() => schedules.data ?? [], [schedules.data]);
  const savedList = saved.data ?? [];
  const running = runNow.runningIds({ schedules: list });
  const { settle } = runNow;

  useEffect(() => settle({ schedules: schedules.data }), [settle, schedules.data]);
  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget === 'heading' ? heading.current : page.current?.querySelector<HTMLElement>(focusTarget);
    (target ?? heading.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget, screen]);

  const show = (message: string) => {
    setActionError(null);
    setNotice(message);
  };
  const togglePaused = (schedule: Schedule) => {
    setActionError(null);
    update.mutate(
      { id: schedule.id, body: { paused: !schedule.paused } },
      {
        onSuccess: (updated) =>
          show(`${updated.name} is ${updated.paused ? 'paused' : 'running on its schedule again'}.`),
        onError: (error) => setActionError(error.message),
      },
    );
  };
  const startRun = (schedule: Schedule) => {
    setNotice(null);
    runNow.start(schedule);
  };
  const detailSchedule =
    screen.type === 'detail' ? list.find((schedule) => schedule.id === screen.scheduleId) : undefined;

  return (
    <div ref={page} className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-6xl space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              Schedules
            </h2>
            <p className={`text-sm ${mutedClass}`}>
              Saved tool calls and questions that run on their own, with each run’s result and what changed.
            </p>
          </div>
          {screen.type === 'list' && savedList.length > 0 ? (
            <button
              type="button"
              data-focus="new-schedule"
              className={primaryButtonClass}
              onClick={() => {
                setNotice(null);
                setScreen({ type: 'create', savedId: null });
              }}
            >
              New schedule
            </button>
          ) : null}
        </div>
        <div aria-live="polite" className="empty:hidden">
          {notice ? <p className="text-sm text-emerald-800 dark:text-emerald-300">{notice}</p> : null}
        </div>
        {actionError || runNow.error ? (
          <Banner tone="error" title="That did not work">
            <p>{actionError ?? runNow.error}</p>
          </Banner>
        ) : null}
        {schedules.isPending ? (
          <p role="status" className={`flex items-center gap-2 text-sm ${mutedClass}`}>
            <Spinner /> Loading schedules…
          </p>
        ) : null}
        {schedules.isError ? (
          <Banner tone="error" title="The schedules could not be loaded">
            <p>{schedules.error.message}</p>
          </Banner>
        ) : null}
        {screen.type === 'create' ? (
          <CreateScheduleForm
            saved={savedList}
            initialSavedId={screen.savedId}
            onClose={(created) => {
              if (created) {
                show(`Scheduled ${created.name}: ${created.cron} (${created.timezone}).`);
                setScreen({ type: 'detail', scheduleId: created.id });
              } else {
                setScreen({ type: 'list' });
                setFocusTarget('[data-focus="new-schedule"]');
              }
            }}
          />
        ) : null}
        {screen.type === 'detail' && detailSchedule ? (
          <ScheduleDetail
            key={detailSchedule.id}
            schedule={detailSchedule}
            savedItem={savedList.find((item) => item.id === detailSchedule.saved_id)}
            running={running.has(detailSchedule.id)}
            pausePending={update.isPending && update.variables?.id === detailSchedule.id}
            onBack={() => {
              setScreen({ type: 'list' });
              setFocusTarget(`[data-schedule-id="${CSS.escape(detailSchedule.id)}"] th button`);
            }}
            onRunNow={() => startRun(detailSchedule)}
            onTogglePaused={() => togglePaused(detailSchedule)}
            onDelete={() => setDeleting({ type: 'schedule', schedule: detailSchedule })}
            onEdited={show}
          />
        ) : null}
        {screen.type === 'detail' && !detailSchedule && schedules.isSuccess ? (
          <p className={emptyStateClass}>This schedule is gone (deleted elsewhere?).</p>
        ) : null}
        {screen.type === 'list' ? (
          <>
            {schedules.isSuccess && list.length === 0 ? (
              <p className={emptyStateClass}>
                {savedList.length === 0
                  ? 'Nothing is scheduled yet. Save a tool call from a chat’s tool card, then schedule it.'
                  : 'Nothing is scheduled yet. Choose “Schedule” beside a saved item below.'}
              </p>
            ) : null}
            {list.length > 0 ? (
              <ScheduleTable
                schedules={list}
                runningIds={running}
                pendingPauseId={update.isPending ? (update.variables?.id ?? null) : null}
                onOpen={(schedule) => {
                  setNotice(null);
                  setScreen({ type: 'detail', scheduleId: schedule.id });
                }}
                onRunNow={startRun}
                onTogglePaused={togglePaused}
                onDelete={(schedule) => setDeleting({ type: 'schedule', schedule })}
              />
            ) : null}
            <section aria-labelledby={savedTitleId} className="space-y-2 pt-2">
              <h3 id={savedTitleId} className="text-base font-semibold">
                Saved
              </h3>
              {saved.isError ? (
                <Banner tone="error" title="The saved items could not be loaded">
                  <p>{saved.error.message}</p>
                </Banner>
              ) : null}
              {saved.isSuccess && savedList.length === 0 ? (
                <p className={emptyStateClass}>
                  Nothing saved yet. Save a tool call from a chat’s tool card (or a question from its answer), then
                  schedule it here.
                </p>
              ) : null}
              {savedList.length > 0 ? (
                <SavedItemsList
                  saved={savedList}
                  onSchedule={(item) => {
                    setNotice(null);
                    setScreen({ type: 'create', savedId: item.id });
                  }}
                  onDelete={(item) => setDeleting({ type: 'saved', item })}
                />
              ) : null}
            </section>
          </>
        ) : null}
        {deleting?.type === 'schedule' ? (
          <ConfirmDialog
            title={`Delete the schedule ${deleting.schedule.name}?`}
            confirmLabel="Delete schedule"
            busy={removeSchedule.isPending}
            onCancel={() => setDeleting(null)}
            onConfirm={() =>
              removeSchedule.mutate(
                { id: deleting.schedule.id },
                {
                  onSuccess: () => {
                    show(`Deleted the schedule ${deleting.schedule.name}.`);
                    setDeleting(null);
                    setScreen({ type: 'list' });
                    setFocusTarget('heading');
                  },
                  onError: (error) => {
                    setActionError(error.message);
                    setDeleting(null);
                  },
                },
              )
            }
          >
            <p>
              It stops running, and its runs and alerts are deleted. The saved item{' '}
              <strong>{deleting.schedule.name}</strong> stays.
            </p>
          </ConfirmDialog>
        ) : null}
        {deleting?.type === 'saved' ? (
          <ConfirmDialog
            title={`Delete ${deleting.item.name}?`}
            confirmLabel="Delete saved item"
            busy={removeSaved.isPending}
            onCancel={() => setDeleting(null)}
            onConfirm={() =>
              removeSaved.mutate(
                { id: deleting.item.id },
                {
                  onSuccess: () => {
                    show(`Deleted ${deleting.item.name}.`);
                    setDeleting(null);
                    setFocusTarget('heading');
                  },
                  onError: (error) => {
                    setActionError(error.message);
                    setDeleting(null);
                  },
                },
              )
            }
          >
            <p>
              {deleting.item.schedules > 0
                ? `Its ${deleting.item.schedules === 1 ? 'schedule is' : `${deleting.item.schedules} schedules are`} deleted too, with their runs and alerts.`
                : 'No schedule runs it.'}
            </p>
          </ConfirmDialog>
        ) : null}
      </div>
    </div>
  );
}
