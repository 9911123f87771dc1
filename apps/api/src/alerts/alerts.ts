import { Router } from 'express';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { SecretBox } from '../datasources/secret-box.js';
import type { ScheduleRow, ScheduleRunRow, SavedRow } from '../schedules/schedule-rows.js';
import type { AlertDeliveryJob } from '../schedules/scheduler.js';

export interface Alerts {
  /**
   * Checks every enabled alert of the schedule against a finished run (and the run before it); each alert
   * that fires gets one firing row (unique per alert and run) and one queued delivery, unless it duplicates
   * the alert's last notification; in quiet hours the delivery waits for their end.
   */
  evaluateRun(options: {
    schedule: ScheduleRow;
    saved: SavedRow;
    run: ScheduleRunRow;
    previous: ScheduleRunRow | null;
  }): Promise<void>;
  /** Sends a firing's notification on its channels; throws when a retry could help (5xx, timeout). */
  deliver(job: AlertDeliveryJob): Promise<void>;
  /** `/api/schedules/:scheduleId/alerts`: list, create, update, delete, send test. */
  router(): Router;
}

export function createAlerts(_options: {
  database: Database;
  secretBox: SecretBox;
  auditLog: AuditLog;
  settings: ScheduleSettings;
  /** Local mode (one person on their own machine) may always send webhooks to private addresses. */
  allowPrivateNetworks: boolean;
  logger: Logger;
  enqueueDelivery: (job: AlertDeliveryJob & { startAfter?: Date }) => Promise<void>;
}): Alerts {
  // Placeholder until alerts land (issue #17).
  return { evaluateRun: async () => {}, deliver: async () => {}, router: () => Router({ mergeParams: true }) };
}
