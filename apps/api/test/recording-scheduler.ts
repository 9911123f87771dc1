import type { ApiApp } from '../src/create-app.js';
import type { Scheduler } from '../src/schedules/scheduler.js';

export type SchedulerCall =
  | { method: 'register'; schedule: { id: string; cron: string; timezone: string; paused: boolean } }
  | { method: 'unregister'; scheduleId: string }
  | { method: 'runNow'; scheduleId: string; dueAt: string };

/**
 * Replaces the app's queue calls that the API makes (register, unregister, run now) with ones that only record
 * them, so a test sees exactly what the routes asked of the queue and no schedule really runs. The routes hold
 * the same `app.scheduler` object, so they call the recorders.
 */
export function recordSchedulerCalls({ app }: { app: ApiApp }): SchedulerCall[] {
  const calls: SchedulerCall[] = [];
  const scheduler: Scheduler = app.scheduler;
  scheduler.register = async ({ schedule }) => void calls.push({ method: 'register', schedule: { ...schedule } });
  scheduler.unregister = async ({ scheduleId }) => void calls.push({ method: 'unregister', scheduleId });
  scheduler.runNow = async ({ scheduleId }) => {
    const dueAt = new Date().toISOString();
    calls.push({ method: 'runNow', scheduleId, dueAt });
    return { dueAt };
  };
  return calls;
}
