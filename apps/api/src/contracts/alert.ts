import { z } from 'zod';
import { lastFiringSchema } from './schedule.js';

const timestamp = z.iso.datetime({ offset: true });

export const comparisonOperatorSchema = z.enum(['>', '>=', '<', '<=', '==', '!=']);

/** What makes an alert fire, checked on each finished run. */
export const alertConditionSchema = z.discriminatedUnion('type', [
  /** The number of rows compared with a number. */
  z.strictObject({ type: z.literal('row_count'), operator: comparisonOperatorSchema, value: z.number() }),
  /** A column compared with a value, in any row (or in every row with `match: 'all'`). */
  z.strictObject({
    type: z.literal('column'),
    column: z.string().min(1).max(200),
    operator: comparisonOperatorSchema,
    value: z.union([z.number(), z.string().max(500)]),
    match: z.enum(['any', 'all']).default('any'),
  }),
  /** Rows were added, removed or changed since the previous run (a question's answer text changed). */
  z.strictObject({ type: z.literal('changed') }),
  /** The run ended in an error (after its retries). */
  z.strictObject({ type: z.literal('failed') }),
]);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (24-hour)');

/** Notifications that fire in this window wait until it ends, then go out once (the latest firing). */
export const quietHoursSchema = z.strictObject({
  start: clockTime,
  end: clockTime,
  timezone: z.string().min(1).max(64),
});

export const webhookTargetRequestSchema = z.strictObject({
  /** https, or http on a private network only where the server allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** HMAC-SHA256 key of the signature header; generated (and shown once) when not given. */
  secret: z.string().min(16).max(200).optional(),
});

export const emailTargetRequestSchema = z.strictObject({ to: z.array(z.email()).min(1).max(10) });

/** `POST /api/schedules/:id/alerts`: at least one of webhook and email. */
export const createAlertRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    condition: alertConditionSchema,
    webhook: webhookTargetRequestSchema.nullable().optional(),
    email: emailTargetRequestSchema.nullable().optional(),
    quiet_hours: quietHoursSchema.nullable().optional(),
    enabled: z.boolean().default(true),
  })
  .refine((body) => Boolean(body.webhook || body.email), 'an alert needs a webhook or an email address to notify');

/** `PATCH /api/schedules/:id/alerts/:alertId`: any of the fields; `webhook: null` removes the webhook. */
export const updateAlertRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    condition: alertConditionSchema,
    /** A webhook without `secret` keeps the stored secret when the URL's origin is unchanged. */
    webhook: webhookTargetRequestSchema.nullable(),
    email: emailTargetRequestSchema.nullable(),
    quiet_hours: quietHoursSchema.nullable(),
    enabled: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const alertSchema = z.object({
  id: z.string(),
  schedule_id: z.string(),
  name: z.string(),
  condition: alertConditionSchema,
  /** The URL is shown as its origin and a hint (Slack's URLs carry their secret); the secret never. */
  webhook: z.object({ url_hint: z.string(), has_secret: z.boolean() }).nullable(),
  email: z.object({ to: z.array(z.string()) }).nullable(),
  quiet_hours: quietHoursSchema.nullable(),
  enabled: z.boolean(),
  last_firing: lastFiringSchema.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** The answer to creating (or replacing the webhook of) an alert: the generated secret, shown this once. */
export const savedAlertResponseSchema = alertSchema.extend({ webhook_secret: z.string().optional() });

export const alertsResponseSchema = z.object({ alerts: z.array(alertSchema) });

/** `POST /api/schedules/:id/alerts/:alertId/test`: one delivery per channel, sent now (quiet hours do not apply). */
export const alertTestResponseSchema = z.object({
  deliveries: z.array(
    z.object({
      channel: z.enum(['webhook', 'email']),
      ok: z.boolean(),
      /** The receiver's HTTP status, or the SMTP server's reply code. */
      status: z.number().int().nullable(),
      /** Why it failed, without secrets. */
      error: z.string().nullable(),
    }),
  ),
});

export type AlertCondition = z.infer<typeof alertConditionSchema>;
export type QuietHours = z.infer<typeof quietHoursSchema>;
export type CreateAlertRequest = z.input<typeof createAlertRequestSchema>;
export type UpdateAlertRequest = z.input<typeof updateAlertRequestSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type SavedAlertResponse = z.infer<typeof savedAlertResponseSchema>;
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;
export type AlertTestResponse = z.infer<typeof alertTestResponseSchema>;
