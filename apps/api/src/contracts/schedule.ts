import { z } from 'zod';
import { chatUsageSchema } from './chat-event.js';

const timestamp = z.iso.datetime({ offset: true });

/** Five fields (minute hour day-of-month month day-of-week); checked for meaning by the server (cron-parser). */
export const cronSchema = z
  .string()
  .trim()
  .max(120)
  .refine((value) => value.split(/\s+/).length === 5, 'cron needs five fields: minute hour day month weekday');

/** An IANA time zone name (`Europe/Paris`, `UTC`); checked by the server against the runtime's zone data. */
export const timezoneSchema = z.string().min(1).max(64);

/** `POST /api/schedules`. */
export const createScheduleRequestSchema = z.strictObject({
  saved_id: z.string().min(1).max(64),
  cron: cronSchema,
  timezone: timezoneSchema.default('UTC'),
  paused: z.boolean().default(false),
});

/** `PATCH /api/schedules/:id`: any of these. */
export const updateScheduleRequestSchema = z
  .strictObject({ cron: cronSchema, timezone: timezoneSchema, paused: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const scheduleRunStatusSchema = z.enum(['ok', 'error']);

export const runErrorBodySchema = z.object({ code: z.string(), message: z.string() });

/** Rows added, removed and changed since the previous run (of the kept rows; counts cover all of them). */
export const runDiffSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});

/** One run in a list: what happened, without the rows. */
export const scheduleRunSummarySchema = z.object({
  id: z.string(),
  schedule_id: z.string(),
  status: scheduleRunStatusSchema,
  trigger: z.enum(['schedule', 'manual']),
  /** The time the schedule was due (the cron occurrence); the time it was asked for, for a manual run. */
  due_at: timestamp,
  started_at: timestamp,
  finished_at: timestamp,
  duration_ms: z.number().int().nonnegative(),
  /** Attempts it took (retries with back-off after retryable failures). */
  attempt: z.number().int().positive(),
  /** Rows the source returned (null when the result is not a table). */
  row_count: z.number().int().nonnegative().nullable(),
  /** One line: `12 rows`, the answer's first line, or the error. */
  summary: z.string(),
  /** Null for the first run and for runs without a table. */
  diff: runDiffSummarySchema.nullable(),
  /** Numbers to chart over time: `row_count`, and each numeric column of a one-row result. */
  metrics: z.record(z.string(), z.number()),
  error: runErrorBodySchema.nullable(),
  /** Tokens a saved question's run used; null for a tool call (no model). */
  usage: chatUsageSchema.nullable(),
});

/** A run's kept result: a table (bounded), and for a question the answer's text. */
export const runResultSchema = z.object({
  columns: z.array(z.string()).nullable(),
  rows: z.array(z.array(z.unknown())).nullable(),
  row_count: z.number().int().nonnegative().nullable(),
  /** True when rows or text were cut to the stored budget; `rows` holds the first ones. */
  truncated: z.boolean(),
  text: z.string().nullable(),
});

export const runDiffSchema = runDiffSummarySchema.extend({
  /** Which column identifies a row (null: whole rows were compared). */
  key: z.string().nullable(),
  columns: z.array(z.string()),
  added_rows: z.array(z.array(z.unknown())),
  removed_rows: z.array(z.array(z.unknown())),
  changed_rows: z.array(z.object({ before: z.array(z.unknown()), after: z.array(z.unknown()) })),
  /** True when the lists above hold only the first of each kind. */
  truncated: z.boolean(),
});

/** `GET /api/schedules/:id/runs/:runId`. */
export const scheduleRunDetailSchema = scheduleRunSummarySchema.extend({
  result: runResultSchema.nullable(),
  diff_detail: runDiffSchema.nullable(),
});

/** `GET /api/schedules/:id/runs?limit=&before=`: newest first; `next_before` pages on (null at the end). */
export const scheduleRunsResponseSchema = z.object({
  runs: z.array(scheduleRunSummarySchema),
  next_before: z.string().nullable(),
});

export const lastFiringSchema = z.object({
  alert_id: z.string(),
  alert_name: z.string(),
  fired_at: timestamp,
  status: z.enum(['pending', 'deferred', 'sent', 'failed', 'suppressed']),
  message: z.string(),
});

export const scheduleSchema = z.object({
  id: z.string(),
  saved_id: z.string(),
  /** The saved item's name and kind, so a list reads without a second request. */
  name: z.string(),
  kind: z.enum(['tool_call', 'question']),
  cron: z.string(),
  timezone: z.string(),
  paused: z.boolean(),
  /** Null when paused. */
  next_run_at: timestamp.nullable(),
  /** Set while a run is in progress. */
  running_since: timestamp.nullable(),
  last_run: scheduleRunSummarySchema.nullable(),
  alerts: z.number().int().nonnegative(),
  last_firing: lastFiringSchema.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** `GET /api/schedules`: the caller's own. */
export const schedulesResponseSchema = z.object({ schedules: z.array(scheduleSchema) });

export type CreateScheduleRequest = z.input<typeof createScheduleRequestSchema>;
export type UpdateScheduleRequest = z.input<typeof updateScheduleRequestSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type SchedulesResponse = z.infer<typeof schedulesResponseSchema>;
export type ScheduleRunSummary = z.infer<typeof scheduleRunSummarySchema>;
export type ScheduleRunDetail = z.infer<typeof scheduleRunDetailSchema>;
export type ScheduleRunsResponse = z.infer<typeof scheduleRunsResponseSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
export type RunDiff = z.infer<typeof runDiffSchema>;
export type RunDiffSummary = z.infer<typeof runDiffSummarySchema>;
export type LastFiring = z.infer<typeof lastFiringSchema>;
