import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

/** What an audit entry records. */
export const auditActionSchema = z.enum([
  'question',
  'tool_call',
  'approval',
  'datasource_created',
  'datasource_updated',
  'datasource_deleted',
  'sign_in',
  'sign_out',
  'api_key_created',
  'api_key_revoked',
  'user_updated',
  'settings_updated',
  'saved_create',
  'saved_delete',
  'schedule_create',
  'schedule_update',
  'schedule_delete',
  'schedule_run_now',
  'alert_create',
  'alert_update',
  'alert_delete',
  'alert_test',
]);

/** The filters of `GET /api/admin/audit` and `GET /api/admin/audit/export.csv` (query parameters). */
export const auditFiltersSchema = z.object({
  /** A user id. */
  actor: z.string().min(1).max(200).optional(),
  action: auditActionSchema.optional(),
  datasource: z.string().min(1).max(200).optional(),
  /** Entries at or after this time. */
  from: timestamp.optional(),
  /** Entries before this time. */
  to: timestamp.optional(),
});

/** `GET /api/admin/audit?limit=50&before=<cursor>&…`: newest first. */
export const auditQuerySchema = auditFiltersSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the page before. */
  before: z.string().min(1).max(200).optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  datasource: z.string().nullable(),
  tool: z.string().nullable(),
  /** A tool's arguments; over 16 KB of JSON they are `{ $truncated: true, originalBytes, preview }`. */
  arguments: z.unknown(),
  status: z.string(),
  durationMs: z.number().int().nullable(),
  sessionId: z.string().nullable(),
  runId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const auditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

/** The fewest and most days the audit log can be kept. */
export const auditRetentionDaysSchema = z.number().int().min(1).max(3650);

/** `GET /api/admin/settings`, and the answer of `PATCH`. */
export const appSettingsSchema = z.object({ auditRetentionDays: auditRetentionDaysSchema });

/** `PATCH /api/admin/settings`. */
export const updateAppSettingsRequestSchema = z.strictObject({
  auditRetentionDays: auditRetentionDaysSchema.optional(),
});

/** A write waiting for a human, as the approvals inbox lists it. */
export const pendingApprovalSchema = z.object({
  id: z.string(),
  runId: z.string(),
  sessionId: z.string(),
  /** Whose run asks for it. */
  owner: z.object({ id: z.string(), name: z.string() }),
  datasource: z.string(),
  tool: z.string(),
  arguments: z.unknown(),
  createdAt: timestamp,
});

/** `GET /api/approvals`: the pending approvals the caller may decide, oldest first. */
export const approvalsResponseSchema = z.object({ approvals: z.array(pendingApprovalSchema) });

export type AuditAction = z.infer<typeof auditActionSchema>;
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export type AuditQuery = z.input<typeof auditQuerySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditResponse = z.infer<typeof auditResponseSchema>;
export type AppSettings = z.infer<typeof appSettingsSchema>;
export type UpdateAppSettingsRequest = z.infer<typeof updateAppSettingsRequestSchema>;
export type PendingApproval = z.infer<typeof pendingApprovalSchema>;
export type ApprovalsResponse = z.infer<typeof approvalsResponseSchema>;
