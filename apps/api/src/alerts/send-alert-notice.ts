import type { ScheduleSettings } from '../api-config.js';
import type { SecretBox } from '../datasources/secret-box.js';
import { alertEmail } from './alert-email.js';
import type { AlertNotice } from './alert-notice.js';
import type { AlertRuleRow } from './alert-store.js';
import { deliverEmail } from './deliver-email.js';
import { deliverWebhook } from './deliver-webhook.js';
import type { DeliveryOutcome } from './delivery-outcome.js';
import type { HostLookup } from './webhook-address-guard.js';
import { webhookPayload } from './webhook-payload.js';

export type AlertChannel = DeliveryOutcome['channel'];

/** The channels an alert notifies on. */
export const channelsOf = (rule: Pick<AlertRuleRow, 'webhook_url' | 'email_to'>): AlertChannel[] => [
  ...(rule.webhook_url ? (['webhook'] as const) : []),
  ...(rule.email_to && rule.email_to.length > 0 ? (['email'] as const) : []),
];

/** Options that tests (and nothing else) change: a shorter webhook timeout, a DNS of their own. */
export interface DeliveryTuning {
  webhookTimeoutMs?: number;
  lookup?: HostLookup;
}

/** Sends the notice on each of `channels` (all of the alert's by default), one after the other. */
export async function sendAlertNotice({
  notice,
  rule,
  channels = channelsOf(rule),
  secretBox,
  settings,
  allowPrivateNetworks,
  tuning = {},
}: {
  notice: AlertNotice;
  rule: AlertRuleRow;
  channels?: AlertChannel[];
  secretBox: SecretBox;
  settings: ScheduleSettings;
  allowPrivateNetworks: boolean;
  tuning?: DeliveryTuning;
}): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const channel of channels) {
    if (channel === 'webhook') {
      let url: string;
      let secret: string;
      try {
        url = secretBox.decrypt(rule.webhook_url!);
        secret = secretBox.decrypt(rule.webhook_secret!);
      } catch (error) {
        // The box's messages name the key id, never a value.
        outcomes.push({
          channel,
          ok: false,
          status: null,
          error: `The webhook's stored URL cannot be read: ${(error as Error).message}`,
          retryable: false,
        });
        continue;
      }
      outcomes.push(
        await deliverWebhook({
          url,
          secret,
          body: JSON.stringify(webhookPayload(notice)),
          deliveryId: notice.firingId,
          allowPrivateNetworks,
          ...(tuning.webhookTimeoutMs ? { timeoutMs: tuning.webhookTimeoutMs } : {}),
          ...(tuning.lookup ? { lookup: tuning.lookup } : {}),
        }),
      );
    } else {
      outcomes.push(await deliverEmail({ smtp: settings.smtp, to: rule.email_to ?? [], ...alertEmail(notice) }));
    }
  }
  return outcomes;
}
