import { randomUUID } from 'node:crypto';
import type { SessionSummary, StoredMessage, StoredToolCall, ToolCallStatus } from '../contracts/index.js';
import { capAuditArguments } from '../audit/cap-audit-arguments.js';
import type { Database } from './open-database.js';

/** Results larger than this (as JSON) are not stored; history then shows the text the model read. */
export const maximumStoredResultBytes = 256 * 1024;

interface SessionRow {
  id: string;
  title: string;
  datasources: string[];
  created_at: string | Date;
  updated_at: string | Date;
}

interface ToolCallRow {
  id: string;
  run_id: string;
  datasource: string;
  tool: string;
  arguments: unknown;
  status: ToolCallStatus;
  duration_ms: number | null;
  summary: string | null;
  result: unknown;
  error_code: string | null;
  model_text: string | null;
  created_at: string | Date;
}

const sessionColumns = 'id, title, datasources, created_at, updated_at';

export const isoTimestamp = (value: string | Date) => new Date(value).toISOString();

const toSessionSummary = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  datasources: row.datasources,
  createdAt: isoTimestamp(row.created_at),
  updatedAt: isoTimestamp(row.updated_at),
});

const toStoredToolCall = (row: ToolCallRow): StoredToolCall => ({
  id: row.id,
  runId: row.run_id,
  datasource: row.datasource,
  tool: row.tool,
  arguments: row.arguments,
  status: row.status,
  durationMs: row.duration_ms,
  summary: row.summary,
  ...(row.result === null || row.result === undefined ? {} : { result: row.result }),
  errorCode: row.error_code,
  modelText: row.model_text,
  createdAt: isoTimestamp(row.created_at),
});

/** Sessions, messages, tool calls and the audit log; every query is scoped to the owner (an API key). */
export function createChatStore({ database }: { database: Database }) {
  return {
    async createSession({
      owner,
      title,
      datasources,
      firstMessage,
    }: {
      owner: string;
      title: string;
      datasources: string[];
      /** Stored in the same statement: a chat's first question costs one round trip, not two. */
      firstMessage?: { role: string; content: unknown };
    }): Promise<SessionSummary> {
      const parameters = [randomUUID(), owner, title, JSON.stringify(datasources)];
      const [row] = firstMessage
        ? await database.query<SessionRow>(
            `WITH created AS (
               INSERT INTO sessions (id, owner, title, datasources) VALUES ($1, $2, $3, $4) RETURNING ${sessionColumns}
             ), stored AS (
               INSERT INTO messages (session_id, role, content) SELECT id, $5, $6 FROM created
             )
             SELECT ${sessionColumns} FROM created`,
            [...parameters, firstMessage.role, JSON.stringify(firstMessage.content)],
          )
        : await database.query<SessionRow>(
            `INSERT INTO sessions (id, owner, title, datasources) VALUES ($1, $2, $3, $4) RETURNING ${sessionColumns}`,
            parameters,
          );
      return toSessionSummary(row!);
    },
    async listSessions({ owner }: { owner: string }): Promise<SessionSummary[]> {
      const rows = await database.query<SessionRow>(
        `SELECT ${sessionColumns} FROM sessions WHERE owner = $1 ORDER BY updated_at DESC`,
        [owner],
      );
      return rows.map(toSessionSummary);
    },
    async getSession({ owner, id }: { owner: string; id: string }): Promise<SessionSummary | undefined> {
      const [row] = await database.query<SessionRow>(
        `SELECT ${sessionColumns} FROM sessions WHERE owner = $1 AND id = $2`,
        [owner, id],
      );
      return row ? toSessionSummary(row) : undefined;
    },
    /** Changes what is given (title, the datasource selection); undefined when the owner has no such session. */
    async updateSession({
      owner,
      id,
      title,
      datasources,
    }: {
      owner: string;
      id: string;
      title?: string;
      datasources?: string[];
    }): Promise<SessionSummary | undefined> {
      const [row] = await database.query<SessionRow>(
        `UPDATE sessions SET title = COALESCE($3, title), datasources = COALESCE($4::jsonb, datasources), updated_at = now()
         WHERE owner = $1 AND id = $2 RETURNING ${sessionColumns}`,
        [owner, id, title ?? null, datasources ? JSON.stringify(datasources) : null],
      );
      return row ? toSessionSummary(row) : undefined;
    },
    async deleteSession({ owner, id }: { owner: string; id: string }): Promise<boolean> {
      const rows = await database.query('DELETE FROM sessions WHERE owner = $1 AND id = $2 RETURNING id', [owner, id]);
      return rows.length > 0;
    },
    async messages({ sessionId }: { sessionId: string }): Promise<StoredMessage[]> {
      const rows = await database.query<{
        id: number | string;
        role: StoredMessage['role'];
        content: StoredMessage['content'];
        created_at: string | Date;
      }>('SELECT id, role, content, created_at FROM messages WHERE session_id = $1 ORDER BY id', [sessionId]);
      return rows.map((row) => ({
        id: Number(row.id),
        role: row.role,
        content: row.content,
        createdAt: isoTimestamp(row.created_at),
      }));
    },
    async appendMessages({
      sessionId,
      messages,
    }: {
      sessionId: string;
      messages: Array<{ role: string; content: unknown }>;
    }): Promise<void> {
      // The last message and the session's new time go in one statement: one round trip less for each
      // message stored, the question before a chat's first event included.
      const last = messages.at(-1);
      for (const message of messages.slice(0, -1)) {
        await database.query('INSERT INTO messages (session_id, role, content) VALUES ($1, $2, $3)', [
          sessionId,
          message.role,
          JSON.stringify(message.content),
        ]);
      }
      if (!last) {
        await database.query('UPDATE sessions SET updated_at = now() WHERE id = $1', [sessionId]);
        return;
      }
      await database.query(
        `WITH stored AS (INSERT INTO messages (session_id, role, content) VALUES ($1, $2, $3))
         UPDATE sessions SET updated_at = now() WHERE id = $1`,
        [sessionId, last.role, JSON.stringify(last.content)],
      );
    },
    async recordToolCall(call: {
      id: string;
      sessionId: string;
      runId: string;
      owner: string;
      /** The owner's name at the time, for the audit log. */
      actorName?: string;
      datasource: string;
      tool: string;
      arguments: unknown;
      status: ToolCallStatus;
      durationMs: number;
      summary: string;
      /** The tool's structured result; kept only up to `maximumStoredResultBytes` of JSON. */
      result?: unknown;
      errorCode?: string | null;
      modelText?: string | null;
    }): Promise<void> {
      const resultJson = call.result === undefined ? null : JSON.stringify(call.result);
      await database.query(
        `INSERT INTO tool_calls (id, session_id, run_id, datasource, tool, arguments, status, duration_ms, summary, result, error_code, model_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms, summary = excluded.summary,
           result = excluded.result, error_code = excluded.error_code, model_text = excluded.model_text`,
        [
          call.id,
          call.sessionId,
          call.runId,
          call.datasource,
          call.tool,
          JSON.stringify(call.arguments ?? null),
          call.status,
          call.durationMs,
          call.summary,
          resultJson !== null && resultJson.length <= maximumStoredResultBytes ? resultJson : null,
          call.errorCode ?? null,
          call.modelText ?? null,
        ],
      );
      await database.query(
        `INSERT INTO audit_log (actor, actor_name, action, datasource, tool, arguments, status, duration_ms, session_id, run_id)
         VALUES ($1, $2, 'tool_call', $3, $4, $5, $6, $7, $8, $9)`,
        [
          call.owner,
          call.actorName ?? call.owner,
          call.datasource,
          call.tool,
          JSON.stringify(capAuditArguments(call.arguments)),
          call.status,
          Math.round(call.durationMs),
          call.sessionId,
          call.runId,
        ],
      );
    },
    async toolCalls({ sessionId }: { sessionId: string }): Promise<StoredToolCall[]> {
      const rows = await database.query<ToolCallRow>(
        `SELECT id, run_id, datasource, tool, arguments, status, duration_ms, summary, result, error_code, model_text, created_at
         FROM tool_calls WHERE session_id = $1 ORDER BY created_at, id`,
        [sessionId],
      );
      return rows.map(toStoredToolCall);
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
