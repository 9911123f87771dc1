import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { Database } from '../database/open-database.js';
import type { ScheduleRunJob } from './schedule-runner.js';

/** A notification of an alert firing, delivered (and retried) by the queue. */
export interface AlertDeliveryJob {
  firingId: string;
}

/**
 * Due runs of schedules, on the job queue (pg-boss) in the app's database: on PostgreSQL each due run is taken
 * once across every API instance; on the embedded database the same queue runs in this process.
 */
export interface Scheduler {
  /** Installs the queue, (re)registers every schedule that is not paused, and starts working when `runner`. */
  start(): Promise<void>;
  /** Finishes the jobs in hand (up to the grace period) and stops. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Adds or replaces a schedule's timing; a paused schedule is taken off the queue. */
  register(options: { schedule: { id: string; cron: string; timezone: string; paused: boolean } }): Promise<void>;
  unregister(options: { scheduleId: string }): Promise<void>;
  /** A run now, outside the schedule ("Run now"); resolves once it is queued. */
  runNow(options: { scheduleId: string }): Promise<{ dueAt: string }>;
  /** Queues an alert's notification, after `startAfter` when given (quiet hours). */
  enqueueDelivery(options: AlertDeliveryJob & { startAfter?: Date }): Promise<void>;
}

export function createScheduler(_options: {
  database: Database;
  logger: Logger;
  settings: ScheduleSettings;
  runSchedule: (job: ScheduleRunJob & { attempt: number; lastAttempt: boolean }) => Promise<void>;
  deliverAlert: (job: AlertDeliveryJob) => Promise<void>;
}): Scheduler {
  // Placeholder until the queue lands (issue #17); nothing runs yet.
  return {
    start: async () => {},
    stop: async () => {},
    register: async () => {},
    unregister: async () => {},
    runNow: async () => ({ dueAt: new Date().toISOString() }),
    enqueueDelivery: async () => {},
  };
}
