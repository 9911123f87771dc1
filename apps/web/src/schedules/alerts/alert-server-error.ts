import { ApiRequestError } from '../../api/api-request-error.js';
import type { AlertFormField } from './alert-form-state.js';

// Request paths the API's validation names, as the form's fields.
const fieldOfPath: Array<[prefix: string, field: AlertFormField]> = [
  ['name', 'name'],
  ['condition.column', 'column'],
  ['condition', 'value'],
  ['webhook.secret', 'webhookSecret'],
  ['webhook', 'webhookUrl'],
  ['email', 'emailTo'],
  ['quiet_hours', 'quietHours'],
];

/**
 * Which field a refused alert is about, so the message stands next to it: a validation detail's path, else
 * the error's code (no SMTP server for email; a webhook address the server will not call), else none.
 */
export function alertServerError({ error }: { error: unknown }): { field: AlertFormField | null; message: string } {
  if (!(error instanceof ApiRequestError)) return { field: null, message: (error as Error)?.message ?? String(error) };
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  for (const detail of details) {
    if (typeof detail.path !== 'string') continue;
    const match = fieldOfPath.find(
      ([prefix]) => detail.path === prefix || String(detail.path).startsWith(`${prefix}.`),
    );
    if (match) return { field: match[1], message: typeof detail.message === 'string' ? detail.message : error.message };
  }
  const about = `${error.code} ${error.message}`;
  if (/email|smtp/i.test(about)) return { field: 'emailTo', message: error.message };
  if (/time ?zone/i.test(about)) return { field: 'quietHours', message: error.message };
  if (/webhook|private|loopback|url/i.test(about)) return { field: 'webhookUrl', message: error.message };
  return { field: null, message: error.message };
}
