import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import type { ScheduleSettings } from '../api-config.js';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  createAlertRequestSchema,
  updateAlertRequestSchema,
  type Alert,
  type AlertTestResponse,
  type AlertsResponse,
  type SavedAlertResponse,
} from '../contracts/index.js';
import type { Database } from '../database/open-database.js';
import type { SecretBox } from '../datasources/secret-box.js';
import type { ScheduleRunRow } from '../schedules/schedule-rows.js';
import type { AlertFiringRow, AlertRuleChanges, AlertRuleRow, AlertStore } from './alert-store.js';
import { isKnownTimezone } from './quiet-hours.js';
import { channelsOf, sendAlertNotice, type DeliveryTuning } from './send-alert-notice.js';
import { checkWebhookAddress, WebhookAddressError } from './webhook-address-guard.js';

/** Each alert is checked on every run and may notify: a bound keeps one schedule from fanning out without end. */
export const maximumAlertsPerSchedule = 20;
/** The URL as shown: its origin only, since Slack-style URLs carry their secret in the path. */
function urlHint({ secretBox, ciphertext }: { secretBox: SecretBox; ciphertext: string }) {
  try {
    return `${new URL(secretBox.decrypt(ciphertext)).origin}/…`;
  } catch {
    return '(cannot be read with the current secret key)';
  }
}

export function toAlert({
  rule,
  lastFiring,
  secretBox,
}: {
  rule: AlertRuleRow;
  lastFiring: AlertFiringRow | undefined;
  secretBox: SecretBox;
}): Alert {
  return {
    id: rule.id,
    schedule_id: rule.schedule_id,
    name: rule.name,
    condition: rule.condition,
    webhook: rule.webhook_url
      ? { url_hint: urlHint({ secretBox, ciphertext: rule.webhook_url }), has_secret: Boolean(rule.webhook_secret) }
      : null,
    email: rule.email_to && rule.email_to.length > 0 ? { to: rule.email_to } : null,
    quiet_hours: rule.quiet_hours,
    enabled: rule.enabled,
    last_firing: lastFiring
      ? {
          alert_id: rule.id,
          alert_name: rule.name,
          fired_at: lastFiring.fired_at.toISOString(),
          status: lastFiring.status,
          message: lastFiring.message,
        }
      : null,
    created_at: rule.created_at.toISOString(),
    updated_at: rule.updated_at.toISOString(),
  };
}

/** `/api/schedules/:scheduleId/alerts`: the alerts of one of the caller's schedules. */
export function alertsRouter({
  database,
  store,
  secretBox,
  auditLog,
  settings,
  allowPrivateNetworks,
  tuning,
}: {
  database: Database;
  store: AlertStore;
  secretBox: SecretBox;
  auditLog: AuditLog;
  settings: ScheduleSettings;
  allowPrivateNetworks: boolean;
  tuning?: DeliveryTuning;
}): Router {
  const router = Router({ mergeParams: true });

  /** The caller's schedule, with its saved item's name; another user's is not found, like an unknown id. */
  const ownSchedule = async (request: Request) => {
    const scheduleId = (request.params as Record<string, string>).scheduleId ?? '';
    const rows = await database.query<{ id: string; name: string }>(
      `SELECT s.id, si.name FROM schedules s JOIN saved_items si ON si.id = s.saved_id WHERE s.id = $1 AND s.owner = $2`,
      [scheduleId, request.owner ?? ''],
    );
    if (!rows[0]) throw new ApiError({ status: 404, code: 'not_found', message: `No schedule ${scheduleId}.` });
    return rows[0];
  };

  const ownRule = async (request: Request) => {
    const schedule = await ownSchedule(request);
    const alertId = (request.params as Record<string, string>).alertId ?? '';
    const rule = await store.findRule({ scheduleId: schedule.id, alertId });
    if (!rule) throw new ApiError({ status: 404, code: 'not_found', message: `No alert ${alertId}.` });
    return { schedule, rule };
  };

  const requireEmail = () => {
    if (!settings.smtp)
      throw new ApiError({
        status: 400,
        code: 'email_not_configured',
        message: 'Email alerts need SMTP_URL on the server; use a webhook, or ask the administrator to set SMTP_URL.',
      });
  };

  const requireTimezone = (timezone: string) => {
    if (!isKnownTimezone(timezone))
      throw new ApiError({ status: 400, code: 'invalid_timezone', message: `Unknown time zone "${timezone}".` });
  };

  /**
   * The webhook's URL and secret as stored (encrypted), after checking where it goes: a private address is
   * refused now rather than at the first firing (a name that does not resolve yet is checked again then).
   * Without a secret, the stored one is kept when the origin is unchanged, else a new one is generated.
   */
  const storedWebhook = async ({
    webhook,
    existing,
  }: {
    webhook: { url: string; secret?: string | undefined };
    existing?: AlertRuleRow;
  }) => {
    try {
      await checkWebhookAddress({
        url: webhook.url,
        allowPrivateNetworks,
        ...(tuning?.lookup ? { lookup: tuning.lookup } : {}),
      });
    } catch (error) {
      if (!(error instanceof WebhookAddressError)) throw error;
      if (error.reason !== 'unresolved')
        throw new ApiError({
          status: 400,
          code: error.reason === 'private' ? 'webhook_address_refused' : 'invalid_webhook_url',
          message: error.message,
        });
    }
    let secret = webhook.secret;
    let generated: string | undefined;
    if (!secret && existing?.webhook_url && existing.webhook_secret) {
      try {
        if (new URL(secretBox.decrypt(existing.webhook_url)).origin === new URL(webhook.url).origin)
          secret = secretBox.decrypt(existing.webhook_secret);
      } catch {
        // Unreadable with the current keys: a new secret, shown once, replaces it.
      }
    }
    if (!secret) secret = generated = randomBytes(32).toString('base64url');
    return {
      webhook_url: secretBox.encrypt(webhook.url),
      webhook_secret: secretBox.encrypt(secret),
      generated,
    };
  };

  router.get('/', async (request, response) => {
    const schedule = await ownSchedule(request);
    const [rules, lastFirings] = await Promise.all([
      store.listRules({ scheduleId: schedule.id }),
      store.lastFirings({ scheduleId: schedule.id }),
    ]);
    const body: AlertsResponse = {
      alerts: rules.map((rule) => toAlert({ rule, lastFiring: lastFirings.get(rule.id), secretBox })),
    };
    response.json(body);
  });

  router.post('/', async (request, response) => {
    const schedule = await ownSchedule(request);
    const input = createAlertRequestSchema.parse(request.body ?? {});
    if (input.email) requireEmail();
    if (input.quiet_hours) requireTimezone(input.quiet_hours.timezone);
    const webhook = input.webhook ? await storedWebhook({ webhook: input.webhook }) : undefined;
    const rule = await store.insertRule({
      id: randomUUID(),
      schedule_id: schedule.id,
      name: input.name,
      condition: input.condition,
      webhook_url: webhook?.webhook_url ?? null,
      webhook_secret: webhook?.webhook_secret ?? null,
      email_to: input.email?.to ?? null,
      quiet_hours: input.quiet_hours ?? null,
      enabled: input.enabled,
      limit: maximumAlertsPerSchedule,
    });
    if (!rule)
      throw new ApiError({
        status: 409,
        code: 'too_many_alerts',
        message: `This schedule already has ${maximumAlertsPerSchedule} alerts, the most one schedule may have; delete one first.`,
      });
    await auditLog.record({
      actor: actingUser(request),
      action: 'alert_create',
      status: 'ok',
      detail: { schedule_id: schedule.id, alert_id: rule.id, name: rule.name, channels: channelsOf(rule) },
    });
    const body: SavedAlertResponse = {
      ...toAlert({ rule, lastFiring: undefined, secretBox }),
      ...(webhook?.generated ? { webhook_secret: webhook.generated } : {}),
    };
    response.status(201).json(body);
  });

  router.patch('/:alertId', async (request, response) => {
    const { schedule, rule: existing } = await ownRule(request);
    const input = updateAlertRequestSchema.parse(request.body ?? {});
    if (input.email) requireEmail();
    if (input.quiet_hours) requireTimezone(input.quiet_hours.timezone);
    const hasWebhook = input.webhook === undefined ? Boolean(existing.webhook_url) : input.webhook !== null;
    const hasEmail = input.email === undefined ? Boolean(existing.email_to?.length) : input.email !== null;
    if (!hasWebhook && !hasEmail)
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        message: 'An alert needs a webhook or an email address to notify.',
      });
    const webhook = input.webhook ? await storedWebhook({ webhook: input.webhook, existing }) : undefined;
    const changes: AlertRuleChanges = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.condition !== undefined ? { condition: input.condition } : {}),
      ...(input.webhook === null ? { webhook_url: null, webhook_secret: null } : {}),
      ...(webhook ? { webhook_url: webhook.webhook_url, webhook_secret: webhook.webhook_secret } : {}),
      ...(input.email !== undefined ? { email_to: input.email?.to ?? null } : {}),
      ...(input.quiet_hours !== undefined ? { quiet_hours: input.quiet_hours } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    };
    const rule = await store.updateRule({ id: existing.id, changes });
    if (!rule) throw new ApiError({ status: 404, code: 'not_found', message: `No alert ${existing.id}.` });
    await auditLog.record({
      actor: actingUser(request),
      action: 'alert_update',
      status: 'ok',
      detail: { schedule_id: schedule.id, alert_id: rule.id, name: rule.name, changed: Object.keys(input) },
    });
    const lastFirings = await store.lastFirings({ scheduleId: schedule.id });
    const body: SavedAlertResponse = {
      ...toAlert({ rule, lastFiring: lastFirings.get(rule.id), secretBox }),
      ...(webhook?.generated ? { webhook_secret: webhook.generated } : {}),
    };
    response.json(body);
  });

  router.delete('/:alertId', async (request, response) => {
    const { schedule, rule } = await ownRule(request);
    await store.deleteRule({ scheduleId: schedule.id, alertId: rule.id });
    await auditLog.record({
      actor: actingUser(request),
      action: 'alert_delete',
      status: 'ok',
      detail: { schedule_id: schedule.id, alert_id: rule.id, name: rule.name },
    });
    response.status(204).end();
  });

  router.post('/:alertId/test', async (request, response) => {
    const { schedule, rule } = await ownRule(request);
    // The latest finished run, so the test shows what a real notification would carry.
    const runs = await database.query<ScheduleRunRow>(
      `SELECT * FROM schedule_runs WHERE schedule_id = $1 AND status <> 'running' ORDER BY started_at DESC LIMIT 1`,
      [schedule.id],
    );
    const firingId = randomUUID();
    const message = `A test of the alert "${rule.name}": this is how its notifications will look.`;
    const firedAt = new Date();
    const outcomes = await sendAlertNotice({
      notice: {
        firingId,
        alert: { id: rule.id, name: rule.name },
        schedule,
        run: runs[0] ?? null,
        condition: rule.condition,
        firedAt,
        message,
        test: true,
      },
      rule,
      secretBox,
      settings,
      allowPrivateNetworks,
      ...(tuning ? { tuning } : {}),
    });
    const sent = outcomes.some((outcome) => outcome.ok);
    // Kept apart (`test`): no deduplication, not the alert's last firing.
    await store.insertFiring({
      id: firingId,
      alert_id: rule.id,
      run_id: null,
      test: true,
      fingerprint: 'test',
      status: sent ? 'sent' : 'failed',
      message,
      deliver_after: null,
    });
    await store.updateFiring({
      id: firingId,
      status: sent ? 'sent' : 'failed',
      deliveries: outcomes.map(({ channel, ok, status, error }) => ({
        channel,
        ok,
        status,
        error,
        attempt: 1,
        at: new Date().toISOString(),
      })),
      delivered: sent,
    });
    await auditLog.record({
      actor: actingUser(request),
      action: 'alert_test',
      status: outcomes.every((outcome) => outcome.ok) ? 'ok' : 'error',
      detail: {
        schedule_id: schedule.id,
        alert_id: rule.id,
        name: rule.name,
        deliveries: outcomes.map(({ channel, ok, status }) => ({ channel, ok, status })),
      },
    });
    const body: AlertTestResponse = {
      deliveries: outcomes.map(({ channel, ok, status, error }) => ({ channel, ok, status, error })),
    };
    response.json(body);
  });

  return router;
}
