import type { Schedule } from './schedule-types.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRunScheduleNow } from './use-schedules.js';

const runWaitMinutes = 5;

/** Whether the schedule's last finished run is the one asked for (the server names it by its `due_at`). */
export const hasFinishedRunDue = ({ schedule, dueAt }: { schedule: Schedule; dueAt: number }) =>
  schedule.last_run !== null && Date.parse(schedule.last_run.due_at) >= dueAt && schedule.running_since === null;

/**
 * "Run now" and the wait for its run: from the click until a finished run due then shows in the list, the
 * schedule counts as running (its spinner stays), however long the queue takes to start it.
 */
export function useRunNow() {
  const run = useRunScheduleNow();
  // Schedule id → the asked run's due time (ms).
  const [pending, setPending] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const pendingRef = useRef(pending);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);

  const start = useCallback(
    (schedule: Schedule) => {
      setError(null);
      run.mutate(
        { id: schedule.id },
        {
          onSuccess: ({ due_at }) => {
            const dueAt = Date.parse(due_at);
            setPending((current) => ({ ...current, [schedule.id]: dueAt }));
            // No instance working the queue (SCHEDULER=false everywhere) would leave the spinner forever.
            setTimeout(() => {
              if (pendingRef.current[schedule.id] !== dueAt) return;
              setError(
                `${schedule.name}: the run has not finished after ${runWaitMinutes} minutes; it shows in the runs when it does.`,
              );
              setPending((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== schedule.id)));
            }, runWaitMinutes * 60_000);
          },
          onError: (failure) => setError(`${schedule.name} could not be started: ${failure.message}`),
        },
      );
    },
    [run],
  );

  /** Forgets the asked runs that have finished (or whose schedule is gone). */
  const settle = useCallback(({ schedules }: { schedules: Schedule[] | undefined }) => {
    if (!schedules) return;
    setPending((current) => {
      const left = Object.entries(current).filter(([id, dueAt]) => {
        const schedule = schedules.find((candidate) => candidate.id === id);
        return schedule !== undefined && !hasFinishedRunDue({ schedule, dueAt });
      });
      return left.length === Object.keys(current).length ? current : Object.fromEntries(left);
    });
  }, []);

  const runningIds = useCallback(
    ({ schedules }: { schedules: Schedule[] }) =>
      new Set([
        ...Object.keys(pending),
        ...schedules.filter((schedule) => schedule.running_since !== null).map((schedule) => schedule.id),
        ...(run.isPending && run.variables ? [run.variables.id] : []),
      ]),
    [pending, run.isPending, run.variables],
  );

  const waiting = useMemo(() => Object.keys(pending).length > 0 || run.isPending, [pending, run.isPending]);
  return { start, settle, runningIds, waiting, error, clearError: () => setError(null) };
}
