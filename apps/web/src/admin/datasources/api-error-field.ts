import { ApiRequestError } from '../../api/api-request-error.js';

// Request paths the API's validation names, as the form's fields.
const fieldOfPath: Record<string, string> = {
  id: 'id',
  name: 'name',
  url: 'url',
  command: 'command',
  args: 'command',
  headers: 'headers',
  systemPrompt: 'systemPrompt',
  examples: 'examples',
  callTimeoutMs: 'callTimeoutSeconds',
};

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which field a refused save is about, so the message can stand next to it: a validation detail's path
 * (`settings.MYSQL_PORT`, `id`), else a variable the message names, else none (shown above the buttons).
 */
export function apiErrorField({ error, variableNames }: { error: unknown; variableNames: string[] }): {
  field: string | null;
  message: string;
} {
  if (!(error instanceof ApiRequestError)) return { field: null, message: (error as Error)?.message ?? String(error) };
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  for (const detail of details) {
    if (typeof detail.path !== 'string') continue;
    const segments = detail.path.split('.');
    const variable = segments.find((segment) => variableNames.includes(segment));
    const field = variable ?? fieldOfPath[segments[0] ?? ''];
    if (field) return { field, message: typeof detail.message === 'string' ? detail.message : error.message };
  }
  // Longest first: MYSQL_SSL_CA before a shorter name it contains.
  for (const name of [...variableNames].sort((left, right) => right.length - left.length))
    if (new RegExp(`(^|[^A-Z0-9_])${escapeForPattern(name)}([^A-Z0-9_]|$)`).test(error.message))
      return { field: name, message: error.message };
  if (error.status === 409 && error.code !== 'read_only_datasource') return { field: 'id', message: error.message };
  return { field: null, message: error.message };
}
