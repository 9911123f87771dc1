import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { SecretBox } from '../datasources/secret-box.js';
import type { AlertStore, DeliveryRecord } from './alert-store.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import { channelsOf, sendAlertNotice, type DeliveryTuning } from './send-alert-notice.js';

/** Thrown for the queue to try again later (with its back-off): a receiver that may answer then. */
export class RetryableDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryableDeliveryError';
  }
}

const recordOf = ({ outcome, attempt }: { outcome: DeliveryOutcome; attempt: number }): DeliveryRecord => ({
  channel: outcome.channel,
  ok: outcome.ok,
  status: outcome.status,
  error: outcome.error,
  attempt,
  at: new Date().toISOString(),
});

/**
 * Sends a firing's notification on the channels that did not get it yet and records each attempt. A channel
 * that may work later makes it throw (the queue retries), until the last attempt: the firing is then `sent`
 * when a channel got it, else `failed`. A deferred firing overtaken by a newer one of the same alert is
 * `suppressed` (the newer one goes out), and so is the firing of an alert turned off meanwhile. Sent, failed
 * and suppressed firings are left alone, so a repeated job sends nothing twice.
 */
export async function deliverFiring({
  firingId,
  lastAttempt,
  store,
  secretBox,
  settings,
  allowPrivateNetworks,
  logger,
  tuning,
}: {
  firingId: string;
  /** Told by the queue when it knows; otherwise counted from the attempts recorded against `settings.retryLimit`. */
  lastAttempt?: boolean;
  store: AlertStore;
  secretBox: SecretBox;
  settings: ScheduleSettings;
  allowPrivateNetworks: boolean;
  logger: Logger;
  tuning?: DeliveryTuning;
}): Promise<void> {
  const found = await store.findForDelivery({ firingId });
  if (!found) return;
  const { firing, rule, schedule, run } = found;
  if (firing.status !== 'pending' && firing.status !== 'deferred') return;
  if (firing.status === 'deferred' && (await store.isSuperseded({ firing }))) {
    await store.updateFiring({ id: firing.id, status: 'suppressed' });
    logger.info({ alertId: rule.id, firingId }, 'deferred alert notification superseded by a newer one');
    return;
  }
  // Turned off while the notification waited (quiet hours, a retry): it is not wanted any more.
  if (!rule.enabled) {
    await store.updateFiring({ id: firing.id, status: 'suppressed' });
    logger.info({ alertId: rule.id, firingId }, 'alert turned off before its notification went out');
    return;
  }
  const attempt = 1 + Math.max(0, ...firing.deliveries.map((record) => record.attempt));
  const delivered = new Set(firing.deliveries.filter((record) => record.ok).map((record) => record.channel));
  const outcomes = await sendAlertNotice({
    notice: {
      firingId: firing.id,
      alert: { id: rule.id, name: rule.name },
      schedule,
      run,
      condition: rule.condition,
      firedAt: firing.fired_at,
      message: firing.message,
      test: firing.test,
    },
    rule,
    channels: channelsOf(rule).filter((channel) => !delivered.has(channel)),
    secretBox,
    settings,
    allowPrivateNetworks,
    ...(tuning ? { tuning } : {}),
  });
  const deliveries = [...firing.deliveries, ...outcomes.map((outcome) => recordOf({ outcome, attempt }))];
  const retryable = outcomes.filter((outcome) => !outcome.ok && outcome.retryable);
  const last = lastAttempt ?? attempt > settings.retryLimit;
  const summary = outcomes.map(({ channel, ok, status, error }) => ({ channel, ok, status, error }));
  if (retryable.length > 0 && !last) {
    await store.updateFiring({ id: firing.id, status: 'pending', deliveries });
    logger.warn({ alertId: rule.id, firingId, attempt, outcomes: summary }, 'alert notification will be retried');
    throw new RetryableDeliveryError(
      `Alert notification ${firing.id} will be retried: ${retryable.map((outcome) => `${outcome.channel}: ${outcome.error}`).join('; ')}`,
    );
  }
  const sent = delivered.size > 0 || outcomes.some((outcome) => outcome.ok);
  await store.updateFiring({ id: firing.id, status: sent ? 'sent' : 'failed', deliveries, delivered: sent });
  logger[sent ? 'info' : 'warn'](
    { alertId: rule.id, firingId, attempt, outcomes: summary },
    sent ? 'alert notification sent' : 'alert notification failed',
  );
}
