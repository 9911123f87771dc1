import { ApiRequestError } from '../api/api-request-error.js';

export interface ScheduleFormErrors {
  saved_id?: string;
  cron?: string;
  timezone?: string;
  /** Not about one field: shown above the buttons. */
  form?: string;
}

const fieldOfCode: Record<string, keyof ScheduleFormErrors> = {
  invalid_cron: 'cron',
  invalid_timezone: 'timezone',
};

/** Puts the server's refusal next to the field it is about (its code, else a validation detail's path). */
export function scheduleFormErrors({ error }: { error: unknown }): ScheduleFormErrors {
  if (!(error instanceof ApiRequestError)) return { form: (error as Error)?.message ?? String(error) };
  const field = fieldOfCode[error.code];
  if (field) return { [field]: error.message };
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  for (const detail of details) {
    const path =
      typeof detail.path === 'string' ? detail.path : Array.isArray(detail.path) ? detail.path.join('.') : '';
    const name = path.split('.')[0];
    if (name === 'cron' || name === 'timezone' || name === 'saved_id')
      return { [name]: typeof detail.message === 'string' ? detail.message : error.message };
  }
  return { form: error.message };
}

/** What the browser can tell before asking: five fields and a zone. Whether they mean something, the server says. */
export function checkScheduleFields({ cron, timezone }: { cron: string; timezone: string }): ScheduleFormErrors {
  const errors: ScheduleFormErrors = {};
  const fields = cron.trim() ? cron.trim().split(/\s+/).length : 0;
  if (fields !== 5)
    errors.cron = 'A cron has five fields: minute hour day-of-month month day-of-week (e.g. 0 7 * * 1-5).';
  if (!timezone.trim()) errors.timezone = 'Choose a time zone, e.g. Europe/Paris or UTC.';
  return errors;
}
