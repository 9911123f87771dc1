import { ConnectorError } from '@connectormcp/connector-kit';
import type { ResultSetHeader } from 'mysql2';
import mysql from 'mysql2/promise';
import { acquireConnection } from './acquire-connection.js';
import { killQuery } from './kill-query.js';
import type { MysqlContext } from './mysql-context.js';
import { scanSqlText } from './scan-sql-text.js';

const allowedWrites = /^(INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|TRUNCATE|RENAME)\b/i;

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
  const { code, problems } = scanSqlText({ sql });
  if (problems.length > 0) throw new ConnectorError({ code: 'INVALID_INPUT', message: problems[0]! });
  const statement = code.trim().replace(/;\s*$/, '');
  if (statement.includes(';'))
    throw new ConnectorError({ code: 'INVALID_INPUT', message: 'Send exactly one statement.' });
  if (!allowedWrites.test(statement)) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message:
        'execute_statement runs INSERT, UPDATE, DELETE, REPLACE, CREATE, ALTER, DROP, TRUNCATE or RENAME; use execute_query for reads.',
    });
  }
  if (/\b(OUTFILE|DUMPFILE|LOAD_FILE\s*\(|LOAD\s+DATA|INFILE)\b/i.test(statement)) {
    throw new ConnectorError({ code: 'ACCESS_DENIED', message: 'File access is not allowed.' });
  }
  for (const { database: target } of tableTargets({ sql })) {
    const resolved = target ?? database ?? context.config.database;
    if (resolved) context.policy.assertReadable({ database: resolved });
  }
  const connection = await acquireConnection({
    context,
    prepare: async (prepared) => {
      await prepared.query(
        `SET SESSION ${context.flavor!.timeLimitAssignment({ milliseconds: context.config.queryTimeoutMs })}`,
      );
      if (database) await prepared.query(`USE ${mysql.escapeId(database)}`);
    },
  });
  const started = performance.now();
  const onAbort = () => void killQuery({ context, threadId: connection.threadId });
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const [result] = await connection.query<ResultSetHeader>({ sql, values: params });
    return {
      affectedRows: result.affectedRows,
      insertId: result.insertId ? String(result.insertId) : null,
      warnings: result.warningStatus,
      info: result.info ?? '',
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
    connection.destroy();
  }
}

function tableTargets({ sql }: { sql: string }): Array<{ database: string | null }> {
  const targets: Array<{ database: string | null }> = [];
  const pattern = /\b(?:INTO|UPDATE|FROM|TABLE|JOIN)\s+(`(?:[^`]|``)+`|[\w$]+)\s*\.\s*(`(?:[^`]|``)+`|[\w$]+)/gi;
  for (const match of sql.matchAll(pattern)) targets.push({ database: match[1]!.replace(/^`|`$/g, '') });
  return targets;
}
