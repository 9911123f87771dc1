import type { Logger } from 'pino';
import type { RequestUser } from '../auth/request-user.js';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import { capAuditArguments } from './cap-audit-arguments.js';

/** What an audit entry records. */
export type AuditAction =
  | 'question'
  | 'tool_call'
  | 'approval'
  | 'datasource_created'
  | 'datasource_updated'
  | 'datasource_deleted'
  | 'sign_in'
  | 'sign_out'
  | 'api_key_created'
  | 'api_key_revoked'
  | 'user_updated'
  | 'settings_updated'
  | 'saved_create'
  | 'saved_delete'
  | 'schedule_create'
  | 'schedule_update'
  | 'schedule_delete'
  | 'schedule_run_now'
  | 'alert_create'
  | 'alert_update'
  | 'alert_delete'
  | 'alert_test';

export interface AuditRecord {
  /** Who acted; their name is stored as it is now, so the trail still reads right after a rename. */
  actor: Pick<RequestUser, 'id' | 'name'>;
  action: AuditAction;
  datasource?: string | null;
  tool?: string | null;
  /** A tool's arguments (never a secret); stored up to 16 KB of JSON, else marked as truncated. */
  arguments?: unknown;
  status: string;
  durationMs?: number | null;
  sessionId?: string | null;
  runId?: string | null;
  /** Names and ids only (changed fields, secret names): never a secret value. */
  detail?: Record<string, unknown> | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: string;
  datasource: string | null;
  tool: string | null;
  arguments: unknown;
  status: string;
  durationMs: number | null;
  sessionId: string | null;
  runId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  datasource?: string | undefined;
  /** Entries at or after this time (ISO 8601). */
  from?: string | undefined;
  /** Entries before this time (ISO 8601). */
  to?: string | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditLog {
  /** Never throws: a failure to record is logged and the request goes on. */
  record(entry: AuditRecord): Promise<void>;
  /** Newest first, keyset-paginated on (created_at, id). */
  list(options: AuditFilters & { limit: number; before?: string | undefined }): Promise<AuditPage>;
  /** Every matching entry, newest first, read a page at a time (for the CSV export). */
  entries(options: AuditFilters & { pageSize?: number }): AsyncGenerator<AuditEntry>;
  /** Deletes entries older than `days` days, in batches; returns how many went. Safe to run on several instances. */
  deleteOlderThan(options: { days: number }): Promise<number>;
}

interface AuditRow {
  id: string | number;
  cursor_at: string;
  created_at: string | Date;
  actor: string;
  actor_name: string | null;
  action: string;
  datasource: string | null;
  tool: string | null;
  arguments: unknown;
  status: string;
  duration_ms: number | null;
  session_id: string | null;
  run_id: string | null;
  detail: Record<string, unknown> | null;
}

// The cursor carries created_at to the microsecond (an ISO string from JavaScript would round it to the
// millisecond and skip or repeat entries written within the same millisecond).
const auditColumns = `id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, created_at,
  actor, actor_name, action, datasource, tool, arguments, status, duration_ms, session_id, run_id, detail`;

const deleteBatchSize = 5_000;

const encodeCursor = (row: AuditRow) =>
  Buffer.from(JSON.stringify([row.cursor_at, String(row.id)])).toString('base64url');

/** The cursor's time and id, or undefined when it is not one we made. */
export function decodeAuditCursor(cursor: string): { at: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^\d{1,19}$/.test(id))
      return undefined;
    return { at, id };
  } catch {
    return undefined;
  }
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: isoTimestamp(row.created_at),
  actor: { id: row.actor, name: row.actor_name ?? row.actor },
  action: row.action,
  datasource: row.datasource,
  tool: row.tool,
  arguments: row.arguments ?? null,
  status: row.status,
  durationMs: row.duration_ms,
  sessionId: row.session_id,
  runId: row.run_id,
  detail: row.detail ?? null,
});

function whereClause({ filters, before }: { filters: AuditFilters; before?: { at: string; id: string } | undefined }) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filters.actor) add((p) => `actor = ${p}`, filters.actor);
  if (filters.action) add((p) => `action = ${p}`, filters.action);
  if (filters.datasource) add((p) => `datasource = ${p}`, filters.datasource);
  if (filters.from) add((p) => `created_at >= ${p}::timestamptz`, filters.from);
  if (filters.to) add((p) => `created_at < ${p}::timestamptz`, filters.to);
  if (before) {
    params.push(before.at, before.id);
    conditions.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * The audit trail: who asked what, which tools ran with which arguments, who approved or denied, who changed
 * a datasource, a user, an API key or a setting. Rows live in `audit_log`, shared by every instance.
 */
export function createAuditLog({ database, logger }: { database: Database; logger?: Logger }): AuditLog {
  const page = async ({
    limit,
    before,
    ...filters
  }: AuditFilters & { limit: number; before?: { at: string; id: string } | undefined }) => {
    const { where, params } = whereClause({ filters, before });
    params.push(limit + 1);
    const rows = await database.query<AuditRow>(
      `SELECT ${auditColumns} FROM audit_log ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    return { rows: kept, nextCursor: more ? encodeCursor(kept.at(-1)!) : null };
  };

  return {
    async record(entry) {
      try {
        await database.query(
          `INSERT INTO audit_log (actor, actor_name, action, datasource, tool, arguments, status, duration_ms, session_id, run_id, detail)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            entry.actor.id,
            entry.actor.name,
            entry.action,
            entry.datasource ?? null,
            entry.tool ?? null,
            entry.arguments === undefined ? null : JSON.stringify(capAuditArguments(entry.arguments)),
            entry.status,
            entry.durationMs === undefined || entry.durationMs === null ? null : Math.round(entry.durationMs),
            entry.sessionId ?? null,
            entry.runId ?? null,
            entry.detail ? JSON.stringify(entry.detail) : null,
          ],
        );
      } catch (error) {
        logger?.error({ err: error, action: entry.action }, 'could not record an audit entry');
      }
    },
    async list({ limit, before, ...filters }) {
      const cursor = before ? decodeAuditCursor(before) : undefined;
      const { rows, nextCursor } = await page({ ...filters, limit, before: cursor });
      return { entries: rows.map(toEntry), nextCursor };
    },
    async *entries({ pageSize = 500, ...filters }) {
      let before: { at: string; id: string } | undefined;
      for (;;) {
        const { rows, nextCursor } = await page({ ...filters, limit: pageSize, before });
        for (const row of rows) yield toEntry(row);
        if (!nextCursor) return;
        const last = rows.at(-1)!;
        before = { at: last.cursor_at, id: String(last.id) };
      }
    },
    async deleteOlderThan({ days }) {
      let deleted = 0;
      // In batches, so a first run over years of entries holds no long lock. Two instances doing this at
      // once only delete the same old rows: the DELETE is idempotent.
      for (;;) {
        const rows = await database.query<{ id: string }>(
          `DELETE FROM audit_log WHERE id IN (
             SELECT id FROM audit_log WHERE created_at < now() - make_interval(days => $1::int) LIMIT $2
           ) RETURNING id`,
          [days, deleteBatchSize],
        );
        deleted += rows.length;
        if (rows.length < deleteBatchSize) return deleted;
      }
    },
  };
}
