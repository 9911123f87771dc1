import type { AuditEntry } from './audit-types.js';

const maxSummaryLength = 120;

const shorten = (text: string) => (text.length > maxSummaryLength ? `${text.slice(0, maxSummaryLength - 1)}…` : text);

const namesOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** One line saying what an entry was about: the question, the call's arguments, what changed. */
export function auditEntrySummary({ entry }: { entry: AuditEntry }): string {
  const detail = entry.detail ?? {};
  if (entry.action === 'question' && typeof detail.question === 'string') return shorten(detail.question);
  const secrets = [
    ...namesOf(detail.secrets).map((name) => `secret ${name}`),
    ...namesOf(detail.headers).map((name) => `header ${name}`),
  ];
  // A new datasource sets every field: only its secrets' names say something.
  if (entry.action === 'datasource_created')
    return shorten(secrets.length > 0 ? `Added with ${secrets.join(', ')}` : 'Added');
  if (entry.action === 'datasource_deleted') return 'Deleted';
  if (entry.action.endsWith('_updated')) {
    const changed = [...namesOf(detail.changed), ...secrets];
    return changed.length > 0 ? shorten(`Changed: ${changed.join(', ')}`) : '';
  }
  if (entry.arguments !== null && entry.arguments !== undefined) {
    const sql = (entry.arguments as { sql?: unknown }).sql;
    return shorten(typeof sql === 'string' ? sql : JSON.stringify(entry.arguments));
  }
  return '';
}

/** Everything recorded beyond the columns, as indented JSON for the expanded row. */
export function auditEntryDetails({ entry }: { entry: AuditEntry }): string | null {
  const parts: Record<string, unknown> = {};
  if (entry.arguments !== null && entry.arguments !== undefined) parts.arguments = entry.arguments;
  if (entry.detail && Object.keys(entry.detail).length > 0) parts.detail = entry.detail;
  if (entry.sessionId) parts.sessionId = entry.sessionId;
  if (entry.runId) parts.runId = entry.runId;
  return Object.keys(parts).length > 0 ? JSON.stringify(parts, null, 2) : null;
}

/** A duration in the unit that reads best: "85 ms", "2.4 s". */
export function durationText({ milliseconds }: { milliseconds: number | null }): string {
  if (milliseconds === null) return '—';
  if (milliseconds < 1_000) return `${Math.round(milliseconds)} ms`;
  return `${(milliseconds / 1_000).toFixed(milliseconds < 10_000 ? 1 : 0)} s`;
}
