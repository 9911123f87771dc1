import type { z } from 'zod';
import { ApiError } from '../api-error.js';
import { findCronProblem } from './next-run-at.js';
import { validateTimezone } from './validate-timezone.js';

const invalidCron = (message: string) =>
  new ApiError({ status: 400, code: 'invalid_cron', message, details: [{ path: 'cron', message }] });

/**
 * A schedule's body parsed with its contract schema, its cron read by cron-parser (400 `invalid_cron` naming
 * the field at fault) and its time zone checked (400 `invalid_timezone`); other problems are the usual 400
 * `invalid_request` naming each field. The cron comes back with single spaces, the zone as the runtime spells it.
 */
export function parseScheduleBody<
  Schema extends z.ZodType<{ cron?: string | undefined; timezone?: string | undefined }>,
>({ schema, body }: { schema: Schema; body: unknown }): z.infer<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const onlyCron = parsed.error.issues.every((issue) => issue.path[0] === 'cron');
    const given = (body as { cron?: unknown } | null)?.cron;
    if (onlyCron && typeof given === 'string')
      throw invalidCron(findCronProblem({ cron: given }) ?? parsed.error.issues[0]!.message);
    throw parsed.error;
  }
  const value = parsed.data;
  if (value.cron !== undefined) {
    const problem = findCronProblem({ cron: value.cron });
    if (problem) throw invalidCron(problem);
    value.cron = value.cron.trim().split(/\s+/).join(' ');
  }
  if (value.timezone !== undefined) value.timezone = validateTimezone({ timezone: value.timezone });
  return value;
}
