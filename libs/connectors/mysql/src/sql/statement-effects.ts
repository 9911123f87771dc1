import { ConnectorError } from '@connectormcp/connector-kit';

/** What a statement that is not a read does, by its first keyword, in words for the refusal. */
const effects: Record<string, string> = {
  INSERT: 'changes data',
  UPDATE: 'changes data',
  DELETE: 'changes data',
  REPLACE: 'changes data',
  TRUNCATE: 'deletes every row of a table',
  CREATE: 'changes the schema',
  ALTER: 'changes the schema',
  DROP: 'changes the schema',
  RENAME: 'changes the schema',
  LOAD: 'loads files into tables',
  CALL: 'runs a stored procedure, which may change data',
  DO: 'evaluates expressions for their side effects',
  HANDLER: 'reads tables outside a statement the connector can check',
  SET: 'changes session or server settings',
  USE: "changes the session's database",
  BEGIN: 'controls transactions',
  START: 'controls transactions',
  COMMIT: 'controls transactions',
  ROLLBACK: 'controls transactions',
  SAVEPOINT: 'controls transactions',
  RELEASE: 'controls transactions',
  XA: 'controls transactions',
  LOCK: 'takes table locks',
  UNLOCK: 'releases table locks',
  PREPARE: 'prepares statements the connector cannot check',
  EXECUTE: 'runs statements the connector cannot check',
  DEALLOCATE: 'changes the session',
  GRANT: 'changes privileges',
  REVOKE: 'changes privileges',
  FLUSH: 'administers the server',
  KILL: 'stops other sessions',
  PURGE: 'deletes binary logs',
  RESET: 'administers the server',
  INSTALL: 'installs server plugins',
  UNINSTALL: 'removes server plugins',
  SHUTDOWN: 'stops the server',
  RESTART: 'restarts the server',
  OPTIMIZE: 'rebuilds tables',
  REPAIR: 'repairs tables',
  CHECK: 'checks tables, an administration task',
  CHECKSUM: 'reads whole tables for an administration task',
  CACHE: 'administers the key cache',
  BACKUP: 'administers backups',
  BINLOG: 'replays binary log events',
  CHANGE: 'administers replication',
  STOP: 'administers replication',
  CLONE: 'administers the server',
  IMPORT: 'imports tables',
  SIGNAL: 'raises errors in stored programs',
  RESIGNAL: 'raises errors in stored programs',
};

/** The statements `execute_statement` runs when writes are enabled. */
const writeStatements = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'REPLACE',
  'TRUNCATE',
  'CREATE',
  'ALTER',
  'DROP',
  'RENAME',
]);

/** The keywords a read may start with, then every other statement keyword the server knows. */
export const statementKeywords = [
  'SELECT',
  'WITH',
  'SHOW',
  'DESCRIBE',
  'EXPLAIN',
  'VALUES',
  'TABLE',
  'ANALYZE',
  ...Object.keys(effects),
];

/**
 * The refusal of a statement that is SQL but not a read, naming the rule: READ_ONLY for what would change
 * data, the schema or the session, with the setting that governs it.
 */
export function readOnlyRefusal({
  keyword,
  writesEnabled,
}: {
  keyword: string;
  writesEnabled: boolean;
}): ConnectorError | undefined {
  const effect = effects[keyword];
  if (!effect) return undefined;
  const rule = !writeStatements.has(keyword)
    ? 'the connector runs reads (and, with MYSQL_ALLOW_WRITES, data and table changes) only'
    : writesEnabled
      ? 'execute_query only reads: run it with execute_statement'
      : 'this connection is read-only (MYSQL_ALLOW_WRITES is off)';
  return new ConnectorError({ code: 'READ_ONLY', message: `${keyword} ${effect}; ${rule}.` });
}
