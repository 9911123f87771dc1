import type { Router } from 'express';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { SecretBox } from '../datasources/secret-box.js';
import type { ScheduleRow, ScheduleRunRow, SavedRow } from '../schedules/schedule-rows.js';
import type { AlertDeliveryJob } from '../schedules/scheduler.js';
import { createAlertStore } from './alert-store.js';
import { alertsRouter } from './alerts-router.js';
import { deliverFiring } from './deliver-firing.js';
import { evaluateRunAlerts } from './evaluate-run-alerts.js';
import type { DeliveryTuning } from './send-alert-notice.js';

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
  /**
   * Sends a firing's notification on its channels; throws when a retry could help (5xx, timeout), except on
   * the last attempt (`lastAttempt` from the queue; without it, the attempts recorded on the firing are
   * counted against `retryLimit`).
   */
  deliver(job: AlertDeliveryJob): Promise<void>;
  /** `/api/schedules/:scheduleId/alerts`: list, create, update, delete, send test. */
  router(): Router;
}

export function createAlerts({
  database,
  secretBox,
  auditLog,
  settings,
  allowPrivateNetworks,
  logger,
  enqueueDelivery,
  tuning,
}: {
  database: Database;
  secretBox: SecretBox;
  auditLog: AuditLog;
  settings: ScheduleSettings;
  /** Local mode (one person on their own machine) may always send webhooks to private addresses. */
  allowPrivateNetworks: boolean;
  logger: Logger;
  enqueueDelivery: (job: AlertDeliveryJob & { startAfter?: Date }) => Promise<void>;
  /** For tests: a shorter webhook timeout, their own DNS answers. */
  tuning?: DeliveryTuning;
}): Alerts {
  const store = createAlertStore({ database });
  const alertsLogger = logger.child({ component: 'alerts' });
  return {
    evaluateRun: ({ schedule, run, previous }) =>
      evaluateRunAlerts({
        store,
        schedule,
        run,
        previous,
        enqueueDelivery,
        logger: alertsLogger,
        retentionDays: settings.runRetentionDays,
      }),
    deliver: ({ firingId, lastAttempt }) =>
      deliverFiring({
        firingId,
        ...(lastAttempt !== undefined ? { lastAttempt } : {}),
        store,
        secretBox,
        settings,
        allowPrivateNetworks,
        logger: alertsLogger,
        ...(tuning ? { tuning } : {}),
      }),
    router: () =>
      alertsRouter({
        database,
        store,
        secretBox,
        auditLog,
        settings,
        allowPrivateNetworks,
        ...(tuning ? { tuning } : {}),
      }),
  };
}
