import type { AuditAction } from './audit-types.js';

/** The audit page's filters as typed: empty means any; dates are the `<input type="date">` values. */
export interface AuditFilterValues {
  action: AuditAction | '';
  actor: string;
  datasource: string;
  /** YYYY-MM-DD, from the start of that day (local time). */
  fromDate: string;
  /** YYYY-MM-DD, up to the end of that day (local time). */
  toDate: string;
}

export const emptyAuditFilters: AuditFilterValues = { action: '', actor: '', datasource: '', fromDate: '', toDate: '' };

/** Midnight at the start of a local day, as the API's ISO timestamp; undefined for no or a broken date. */
function startOfDay({ date, addDays = 0 }: { date: string; addDays?: number }): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}

/**
 * The query string of `GET /api/admin/audit` and its CSV export for these filters: only the ones set, the
 * "to" day included whole (the API's `to` is exclusive).
 */
export function auditSearchParams({
  filters,
  limit,
  before,
}: {
  filters: AuditFilterValues;
  limit?: number;
  before?: string | undefined;
}): URLSearchParams {
  const params = new URLSearchParams();
  if (limit !== undefined) params.set('limit', String(limit));
  if (before) params.set('before', before);
  if (filters.action) params.set('action', filters.action);
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.datasource.trim()) params.set('datasource', filters.datasource.trim());
  const from = startOfDay({ date: filters.fromDate });
  if (from) params.set('from', from);
  const to = startOfDay({ date: filters.toDate, addDays: 1 });
  if (to) params.set('to', to);
  return params;
}
