import { ConnectorError } from '@connectormcp/connector-kit';
import type { FieldPacket } from 'mysql2';
import mysql from 'mysql2/promise';
import { acquireConnection } from './acquire-connection.js';
import { columnTypeName, toJsonSafeValue } from './json-safe-value.js';
import { killQuery } from './kill-query.js';
import type { MysqlContext } from './mysql-context.js';

export interface ResultColumn {
  name: string;
  type: string;
}

export interface ReadResult {
  columns: ResultColumn[];
  /** One array per row, in column order (arrays keep duplicate column names apart). */
  rows: unknown[][];
  /** More rows existed than `maxRows`; reading stopped and the statement was stopped on the server. */
  truncated: boolean;
  elapsedMs: number;
}

interface CoreQuery {
  on(event: 'fields', listener: (fields: FieldPacket[] | undefined) => void): CoreQuery;
  on(event: 'result', listener: (row: unknown[]) => void): CoreQuery;
  on(event: 'error', listener: (error: Error) => void): CoreQuery;
  on(event: 'end', listener: () => void): CoreQuery;
}

interface CoreConnection {
  query(options: { sql: string; values?: unknown[]; rowsAsArray?: boolean }): CoreQuery;
  pause(): void;
  resume(): void;
}

export interface ReadStatement {
  sql: string;
  params?: unknown[];
  maxRows: number;
}

/**
 * Opens a session in which nothing can change: on a session set read-only with a server-side time
 * limit, inside `START TRANSACTION READ ONLY`, rolled back afterwards, on a connection whose session is
 * reset (or discarded) before it returns to the pool. `run` may read several statements in it (one
 * round of set-up for a whole table description). Rows are streamed and reading stops at `maxRows`, so
 * a query over millions of rows never loads them.
 */
export async function withReadOnlySession<Result>({
  context,
  database,
  signal,
  run,
}: {
  context: MysqlContext;
  database?: string;
  signal: AbortSignal;
  run: (read: (statement: ReadStatement) => Promise<ReadResult>) => Promise<Result>;
}): Promise<Result> {
  const { config } = context;
  const connection = await acquireConnection({
    context,
    prepare: async (prepared) => {
      await prepared.query(
        `SET SESSION ${context.flavor!.timeLimitAssignment({ milliseconds: config.queryTimeoutMs })}, time_zone = '+00:00'`,
      );
      await prepared.query('SET SESSION TRANSACTION READ ONLY');
      if (database) await prepared.query(`USE ${mysql.escapeId(database)}`);
      await prepared.query('START TRANSACTION READ ONLY');
    },
  });
  let reusable = true;
  const read = async ({ sql, params = [], maxRows }: ReadStatement) => {
    try {
      const result = await streamRows({
        context,
        core: (connection as unknown as { connection: CoreConnection }).connection,
        threadId: connection.threadId,
        sql,
        params,
        maxRows,
        signal,
      });
      // The statement was killed mid-stream; the connection is not worth trusting again.
      if (result.truncated) reusable = false;
      return result;
    } catch (error) {
      reusable = false;
      throw error;
    }
  };
  try {
    const result = await run(read);
    if (reusable) await connection.query('ROLLBACK');
    return result;
  } catch (error) {
    if (reusable) await connection.query('ROLLBACK').catch(() => (reusable = false));
    throw error;
  } finally {
    if (reusable) {
      // COM_CHANGE_USER resets the session: user variables, temporary tables, user locks, isolation.
      await connection
        .changeUser({
          user: config.user,
          ...(config.password !== undefined ? { password: config.password } : {}),
          ...(config.database ? { database: config.database } : {}),
        })
        .then(() => connection.release())
        .catch(() => connection.destroy());
    } else {
      connection.destroy();
    }
  }
}

/** Runs one statement that must not change anything, in its own read-only session. */
export async function executeReadOnly({
  context,
  sql,
  params = [],
  database,
  maxRows,
  signal,
}: {
  context: MysqlContext;
  sql: string;
  params?: unknown[];
  database?: string;
  maxRows: number;
  signal: AbortSignal;
}): Promise<ReadResult> {
  return withReadOnlySession({
    context,
    ...(database ? { database } : {}),
    signal,
    run: (read) => read({ sql, params, maxRows }),
  });
}

function streamRows({
  context,
  core,
  threadId,
  sql,
  params,
  maxRows,
  signal,
}: {
  context: MysqlContext;
  core: CoreConnection;
  threadId: number;
  sql: string;
  params: unknown[];
  maxRows: number;
  signal: AbortSignal;
}): Promise<ReadResult> {
  const started = performance.now();
  return new Promise<ReadResult>((resolve, reject) => {
    let columns: ResultColumn[] = [];
    const rows: unknown[][] = [];
    let truncated = false;
    let settled = false;
    const kill = () => killQuery({ context, threadId });
    const cleanup = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve({ columns, rows, truncated, elapsedMs: Math.round((performance.now() - started) * 10) / 10 });
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(error);
    };
    const onAbort = () => {
      void kill();
      fail(new ConnectorError({ code: 'CANCELLED', message: 'The query was cancelled and stopped on the server.' }));
    };
    // The server enforces the limit itself; this is the backstop for statements it does not cover
    // (MySQL's max_execution_time applies to SELECT only).
    const timer = setTimeout(() => {
      void kill();
      fail(
        new ConnectorError({
          code: 'TIMEOUT',
          message: `The statement ran past ${context.config.queryTimeoutMs} ms (MYSQL_QUERY_TIMEOUT_MS) and was stopped on the server. Narrow it or add a LIMIT.`,
        }),
      );
    }, context.config.queryTimeoutMs + 2000);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const query = core.query({ sql, values: params, rowsAsArray: true });
    query.on('fields', (fields) => {
      if (fields) columns = fields.map((field) => ({ name: field.name, type: columnTypeName({ type: field.type }) }));
    });
    query.on('result', (row) => {
      if (truncated || settled) return;
      if (rows.length < maxRows) {
        rows.push(row.map((value, index) => toJsonSafeValue({ value, typeName: columns[index]?.type ?? 'UNKNOWN' })));
        return;
      }
      // Enough rows: stop the statement on the server before answering, so nothing keeps running.
      truncated = true;
      core.pause();
      void kill().finally(() => {
        core.resume();
        finish();
      });
    });
    query.on('error', (error) => {
      if (!truncated) fail(error);
    });
    query.on('end', () => {
      if (!truncated) finish();
    });
  });
}
