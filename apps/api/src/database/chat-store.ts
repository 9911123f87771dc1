import { randomUUID } from 'node:crypto';
import type { Database } from './open-database.js';

export interface SessionRow {
  id: string;
  title: string;
  datasources: string[];
  created_at: string;
  updated_at: string;
}

export interface MessageRow {
  id: number;
  role: 'user' | 'assistant';
  content: unknown;
  created_at: string;
}

/** Results larger than this (as JSON) are not stored; history then shows the text the model read. */
export const maximumStoredResultBytes = 256 * 1024;

/** Sessions, messages, tool calls and the audit log; every query is scoped to the owner (an API key). */
export function createChatStore({ database }: { database: Database }) {
  const iso = (row: { created_at: unknown; updated_at?: unknown }) => ({
    created_at: new Date(row.created_at as string).toISOString(),
    ...(row.updated_at ? { updated_at: new Date(row.updated_at as string).toISOString() } : {}),
  });
  return {
    async createSession({
      owner,
      title,
      datasources,
    }: {
      owner: string;
      title: string;
      datasources: string[];
    }): Promise<SessionRow> {
      const [row] = await database.query<SessionRow>(
        'INSERT INTO sessions (id, owner, title, datasources) VALUES ($1, $2, $3, $4) RETURNING id, title, datasources, created_at, updated_at',
        [randomUUID(), owner, title, JSON.stringify(datasources)],
      );
      return { ...row!, ...iso(row!) } as SessionRow;
    },
    async listSessions({ owner }: { owner: string }): Promise<SessionRow[]> {
      const rows = await database.query<SessionRow>(
        'SELECT id, title, datasources, created_at, updated_at FROM sessions WHERE owner = $1 ORDER BY updated_at DESC',
        [owner],
      );
      return rows.map((row) => ({ ...row, ...iso(row) }) as SessionRow);
    },
    async getSession({ owner, id }: { owner: string; id: string }): Promise<SessionRow | undefined> {
      const [row] = await database.query<SessionRow>(
        'SELECT id, title, datasources, created_at, updated_at FROM sessions WHERE owner = $1 AND id = $2',
        [owner, id],
      );
      return row ? ({ ...row, ...iso(row) } as SessionRow) : undefined;
    },
    async renameSession({ owner, id, title }: { owner: string; id: string; title: string }): Promise<boolean> {
      const rows = await database.query(
        'UPDATE sessions SET title = $3, updated_at = now() WHERE owner = $1 AND id = $2 RETURNING id',
        [owner, id, title],
      );
      return rows.length > 0;
    },
    async deleteSession({ owner, id }: { owner: string; id: string }): Promise<boolean> {
      const rows = await database.query('DELETE FROM sessions WHERE owner = $1 AND id = $2 RETURNING id', [owner, id]);
      return rows.length > 0;
    },
    async messages({ sessionId }: { sessionId: string }): Promise<MessageRow[]> {
      const rows = await database.query<MessageRow>(
        'SELECT id, role, content, created_at FROM messages WHERE session_id = $1 ORDER BY id',
        [sessionId],
      );
      return rows.map((row) => ({ ...row, id: Number(row.id), ...iso(row) }) as MessageRow);
    },
    async appendMessages({
      sessionId,
      messages,
    }: {
      sessionId: string;
      messages: Array<{ role: string; content: unknown }>;
    }): Promise<void> {
      for (const message of messages) {
        await database.query('INSERT INTO messages (session_id, role, content) VALUES ($1, $2, $3)', [
          sessionId,
          message.role,
          JSON.stringify(message.content),
        ]);
      }
      await database.query('UPDATE sessions SET updated_at = now() WHERE id = $1', [sessionId]);
    },
    async recordToolCall(call: {
      id: string;
      sessionId: string;
      runId: string;
      owner: string;
      datasource: string;
      tool: string;
      arguments: unknown;
      status: string;
      durationMs: number;
      summary: string;
      /** The tool's structured result; kept only up to `maximumStoredResultBytes` of JSON. */
      result?: unknown;
    }): Promise<void> {
      const resultJson = call.result === undefined ? null : JSON.stringify(call.result);
      await database.query(
        `INSERT INTO tool_calls (id, session_id, run_id, datasource, tool, arguments, status, duration_ms, summary, result) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms, summary = excluded.summary, result = excluded.result`,
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
        ],
      );
      await database.query(
        'INSERT INTO audit_log (actor, datasource, tool, arguments, status, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [call.owner, call.datasource, call.tool, JSON.stringify(call.arguments ?? null), call.status, call.durationMs],
      );
    },
    async toolCalls({ sessionId }: { sessionId: string }) {
      return database.query<{
        id: string;
        run_id: string;
        datasource: string;
        tool: string;
        arguments: unknown;
        status: string;
        duration_ms: number;
        summary: string;
        result: unknown;
      }>(
        'SELECT id, run_id, datasource, tool, arguments, status, duration_ms, summary, result FROM tool_calls WHERE session_id = $1 ORDER BY created_at',
        [sessionId],
      );
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
