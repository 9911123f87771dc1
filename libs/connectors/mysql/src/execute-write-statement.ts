import { ConnectorError } from '@connectormcp/connector-kit';
import type { ResultSetHeader } from 'mysql2';
import mysql from 'mysql2/promise';
import { acquireConnection } from './acquire-connection.js';
import { guardWriteStatement } from './sql/guard-write-statement.js';
import { killQuery } from './kill-query.js';
import type { MysqlContext } from './mysql-context.js';
import { sessionSettingsStatement } from './session-settings.js';

export interface WriteResult {
  affectedRows: number;
  insertId: string | null;
  warnings: number;
  info: string;
  elapsedMs: number;
}

/**
 * Runs one data-changing statement (only with MYSQL_ALLOW_WRITES). Even then file access and server
 * administration stay out of reach: they are not what "writes to my data" means.
 */
export async function executeWriteStatement({
  context,
  sql,
  params = [],
  database,
  signal,
}: {
  context: MysqlContext;
  sql: string;
  params?: unknown[];
  database?: string;
  signal: AbortSignal;
}): Promise<WriteResult> {
  const defaultDatabase = database ?? context.config.database;
  guardWriteStatement({ sql, policy: context.policy, ...(defaultDatabase ? { defaultDatabase } : {}) });
  const connection = await acquireConnection({
    context,
    prepare: async (prepared) => {
      // The pinned sql_mode: the server reads the statement's text exactly as the guard did.
      await prepared.query(
        sessionSettingsStatement({
          flavor: context.flavor!,
          queryTimeoutMs: context.config.queryTimeoutMs,
          readOnly: false,
        }),
      );
      // A pooled connection is always on the configured database.
      if (database && database !== context.config.database) await prepared.query(`USE ${mysql.escapeId(database)}`);
    },
  });
  const started = performance.now();
  const kill = () => void killQuery({ context, threadId: connection.threadId });
  signal.addEventListener('abort', kill, { once: true });
  let timedOut = false;
  // MySQL's max_execution_time covers SELECT only: writes and DDL are stopped from here.
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, context.config.queryTimeoutMs);
  try {
    const [result] = await connection.query<ResultSetHeader>({ sql, values: params });
    return {
      affectedRows: result.affectedRows,
      insertId: result.insertId ? String(result.insertId) : null,
      warnings: result.warningStatus,
      info: result.info ?? '',
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } catch (error) {
    if (signal.aborted) {
      throw new ConnectorError({
        code: 'CANCELLED',
        message: 'The statement was cancelled and stopped on the server.',
      });
    }
    if (timedOut) {
      throw new ConnectorError({
        code: 'TIMEOUT',
        message: `The statement ran past ${context.config.queryTimeoutMs} ms (MYSQL_QUERY_TIMEOUT_MS) and was stopped on the server.`,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', kill);
    connection.destroy();
  }
}
