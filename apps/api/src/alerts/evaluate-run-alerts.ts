import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ScheduleRow, ScheduleRunRow } from '../schedules/schedule-rows.js';
import type { AlertDeliveryJob } from '../schedules/scheduler.js';
import { alertFingerprint } from './alert-fingerprint.js';
import type { AlertStore } from './alert-store.js';
import { evaluateAlertCondition } from './evaluate-alert-condition.js';
import { quietHoursEnd } from './quiet-hours.js';

/**
 * Checks each enabled alert of the schedule on a finished run. A firing is a row unique per alert and run:
 * a second evaluation of the same run (a retried job, another instance) inserts nothing and queues nothing.
 * The same news as the alert's last notification of the past 24 hours is recorded as `suppressed`; in quiet
 * hours the delivery waits for their end (`deferred`). Throws when a notification could not be queued.
 */
export async function evaluateRunAlerts({
  store,
  schedule,
  run,
  previous,
  enqueueDelivery,
  logger,
  retentionDays,
  now = new Date(),
}: {
  store: AlertStore;
  schedule: Pick<ScheduleRow, 'id'>;
  run: ScheduleRunRow;
  previous: ScheduleRunRow | null;
  enqueueDelivery: (job: AlertDeliveryJob & { startAfter?: Date }) => Promise<void>;
  logger: Logger;
  /** Firings older than this are deleted as the schedule's runs are (SCHEDULE_RUN_RETENTION_DAYS). */
  retentionDays: number;
  now?: Date;
}): Promise<void> {
  const rules = await store.listRules({ scheduleId: schedule.id });
  let queueFailure: unknown;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const result = evaluateAlertCondition({ condition: rule.condition, run, previous });
    if (!result.fired) continue;
    const fingerprint = alertFingerprint({ alertId: rule.id, condition: rule.condition, values: result.values });
    const last = await store.lastNotified({ alertId: rule.id });
    const deferUntil = rule.quiet_hours ? quietHoursEnd({ quietHours: rule.quiet_hours, now }) : null;
    const status = last?.fingerprint === fingerprint ? 'suppressed' : deferUntil ? 'deferred' : 'pending';
    const firing = await store.insertFiring({
      id: randomUUID(),
      alert_id: rule.id,
      run_id: run.id,
      test: false,
      fingerprint,
      status,
      message: result.message,
      deliver_after: status === 'deferred' ? deferUntil : null,
    });
    if (!firing) continue;
    logger.info({ alertId: rule.id, firingId: firing.id, runId: run.id, status }, 'alert fired');
    if (status === 'suppressed') continue;
    try {
      await enqueueDelivery({
        firingId: firing.id,
        ...(status === 'deferred' && deferUntil ? { startAfter: deferUntil } : {}),
      });
    } catch (error) {
      // Without its job the firing would never go out: it is taken back, so that the runner's retry of this
      // evaluation fires it again. The other alerts go on first.
      logger.error({ err: error, alertId: rule.id, firingId: firing.id }, 'could not queue an alert notification');
      await store.deleteFiring({ id: firing.id });
      queueFailure ??= error;
    }
  }
  if (queueFailure) throw queueFailure;
  await store.deleteOldFirings({ scheduleId: schedule.id, days: Math.max(retentionDays, 1) });
}
