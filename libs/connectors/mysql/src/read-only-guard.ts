import { ConnectorError } from '@connectormcp/connector-kit';
import { sqlParser, sqlParserOptions } from './sql-parser.js';
import type { DatabaseAccessPolicy } from './database-access-policy.js';
import { readDescribeTarget } from './read-describe-target.js';
import { readShowStatement } from './read-show-statement.js';
import { scanSqlText } from './scan-sql-text.js';
import type { TableReference } from './token-cursor.js';

export const maxStatementLength = 100_000;

/**
 * Functions that change state, wait, reach the file system or the replication stream. Refused in any
 * position, including inside string-free code the parser may not model.
 */
const forbiddenFunctions = [
  'SLEEP',
  'BENCHMARK',
  'GET_LOCK',
  'RELEASE_LOCK',
  'RELEASE_ALL_LOCKS',
  'IS_FREE_LOCK',
  'IS_USED_LOCK',
  'LOAD_FILE',
  'MASTER_POS_WAIT',
  'MASTER_GTID_WAIT',
  'SOURCE_POS_WAIT',
  'WAIT_FOR_EXECUTED_GTID_SET',
  'WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS',
  'NEXTVAL',
  'SETVAL',
  'LASTVAL',
  'LAST_INSERT_ID',
  'SYS_EXEC',
  'SYS_EVAL',
  'SYS_SET',
  'SYS_GET',
  'UPDATEXML',
  'KILL',
];
const forbiddenFunctionPattern = new RegExp(`\\b(${forbiddenFunctions.join('|')})\\s*\\(`, 'i');

export type StatementKind = 'select' | 'show' | 'describe' | 'explain';

export interface GuardedStatement {
  kind: StatementKind;
  /** Tables the statement reads, as database.table, for the allowlist and the audit log. */
  tables: TableReference[];
  /** Databases whose stored functions the statement calls (`db.fn()`). */
  functionDatabases: string[];
}

function refuse(message: string): never {
  throw new ConnectorError({ code: 'READ_ONLY', message });
}

function invalid(message: string): never {
  throw new ConnectorError({ code: 'INVALID_INPUT', message });
}

interface FunctionCall {
  database: string | null;
  name: string;
}

function functionCalls(node: unknown, calls: FunctionCall[] = []): FunctionCall[] {
  if (Array.isArray(node)) {
    for (const item of node) functionCalls(item, calls);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'function' || record.type === 'aggr_func') {
      const name = record.name as
        { name?: Array<{ value?: string }>; schema?: { value?: string } | null } | string | undefined;
      calls.push(
        typeof name === 'string'
          ? { database: null, name }
          : {
              database: name?.schema?.value ?? null,
              name: (name?.name ?? []).map((part) => part.value ?? '').join('.'),
            },
      );
    }
    for (const value of Object.values(record)) functionCalls(value, calls);
  }
  return calls;
}

/** Names of common table expressions at any depth (a subquery may have its own WITH). */
function cteNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) cteNames(item, names);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const withClause = record.with as Array<{ name?: { value?: string } | string }> | null | undefined;
    for (const entry of Array.isArray(withClause) ? withClause : []) {
      const name = typeof entry.name === 'string' ? entry.name : entry.name?.value;
      if (name) names.add(name.toLowerCase());
    }
    for (const value of Object.values(record)) cteNames(value, names);
  }
  return names;
}

function parseSelect({ sql }: { sql: string }): Omit<GuardedStatement, 'kind'> {
  let ast: unknown;
  try {
    ast = sqlParser.astify(sql, sqlParserOptions);
  } catch (error) {
    invalid(
      `The SQL could not be parsed (only one SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN statement is accepted): ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) refuse('Send exactly one statement: stacked statements are not allowed.');
  const statement = statements[0] as Record<string, unknown>;
  if (statement.type !== 'select')
    refuse(`Only read statements are allowed, not ${String(statement.type).toUpperCase()}.`);
  const into = statement.into as { position?: string | null } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const nestedInto = record.into as { position?: string | null } | undefined;
    if (nestedInto?.position) refuse('SELECT … INTO (OUTFILE, DUMPFILE or variables) is not allowed.');
    if (record.locking_read) refuse('Locking reads (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed.');
    Object.values(record).forEach(walk);
  };
  if (into?.position) refuse('SELECT … INTO (OUTFILE, DUMPFILE or variables) is not allowed.');
  walk(statement);
  const functionDatabases: string[] = [];
  for (const { database, name } of functionCalls(statement)) {
    if (forbiddenFunctions.includes(name.toUpperCase()))
      refuse(`The function ${name.toUpperCase()}() is not allowed in a read.`);
    // A stored function runs with its database's rights and reads its tables: the allowlist applies.
    if (database !== null) functionDatabases.push(database);
  }
  const ctes = cteNames(statement);
  const tables = sqlParser
    .tableList(sql, sqlParserOptions)
    .map((entry) => entry.split('::'))
    .map(([, database, table]) => ({
      database: database === 'null' ? null : identifier(database!),
      table: identifier(table!),
    }))
    // A CTE name reads nothing itself; the default database stands in for it (checked below).
    .map((entry) =>
      entry.database === null && ctes.has(entry.table.toLowerCase()) ? { database: null, table: '*' } : entry,
    );
  return { tables, functionDatabases };
}

function identifier(text: string): string {
  return text.replace(/^`|`$/g, '').replace(/``/g, '`');
}

/**
 * Layer 1 of read-only enforcement: classifies one statement and refuses anything but plain reads.
 * The database session (read-only transaction, time limit, reset) is the next layer, so a gap here is
 * not a write there.
 */
export function guardReadStatement({
  sql,
  defaultDatabase,
  policy,
}: {
  sql: string;
  defaultDatabase?: string;
  policy: DatabaseAccessPolicy;
}): GuardedStatement {
  if (sql.length > maxStatementLength)
    invalid(`The statement is too long (${sql.length} characters; at most ${maxStatementLength}).`);
  const { code, problems } = scanSqlText({ sql });
  if (problems.length > 0) refuse(problems[0]!);
  const trimmed = code.trim().replace(/;\s*$/, '');
  if (trimmed.includes(';')) refuse('Send exactly one statement: stacked statements are not allowed.');
  const forbidden = forbiddenFunctionPattern.exec(trimmed);
  if (forbidden) refuse(`The function ${forbidden[1]!.toUpperCase()}() is not allowed in a read.`);
  if (trimmed.includes(':=')) refuse('Assigning user variables (:=) is not allowed in a read.');
  if (/\bINTO\s+(OUTFILE|DUMPFILE|@)/i.test(trimmed))
    refuse('SELECT … INTO (OUTFILE, DUMPFILE or variables) is not allowed.');
  if (/\bLOCK\s+IN\s+SHARE\s+MODE\b|\bFOR\s+(UPDATE|SHARE)\b/i.test(trimmed)) {
    refuse('Locking reads (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed.');
  }
  const firstWord = /^\(*\s*([A-Za-z]+)/.exec(trimmed)?.[1]?.toUpperCase();

  let result: GuardedStatement;
  if (firstWord === 'SELECT' || firstWord === 'WITH' || firstWord === 'VALUES' || firstWord === 'TABLE') {
    result = { kind: 'select', ...parseSelect({ sql: sql.trim().replace(/;\s*$/, '') }) };
  } else if (firstWord === 'SHOW') {
    result = { kind: 'show', tables: readShowStatement({ sql }), functionDatabases: [] };
  } else if (firstWord === 'DESCRIBE' || firstWord === 'DESC' || firstWord === 'EXPLAIN') {
    const rest = sql
      .trim()
      .replace(/;\s*$/, '')
      .replace(/^\s*(DESCRIBE|DESC|EXPLAIN)\s+/i, '');
    if (/^(ANALYZE|FORMAT\s*=\s*\w+\s+ANALYZE)\b/i.test(rest))
      refuse('EXPLAIN ANALYZE runs its statement and is not a read.');
    if (/^(EXTENDED|PARTITIONS|FORMAT\s*=\s*\w+)\s+/i.test(rest) || /^(SELECT|WITH|\()/i.test(rest)) {
      const inner = rest.replace(/^(EXTENDED|PARTITIONS|FORMAT\s*=\s*\w+)\s+/i, '');
      if (!/^(SELECT|WITH|\()/i.test(inner)) refuse('EXPLAIN is allowed for SELECT statements only.');
      result = { kind: 'explain', ...parseSelect({ sql: inner }) };
    } else if (/^(INSERT|UPDATE|DELETE|REPLACE|FOR\s+CONNECTION)\b/i.test(rest)) {
      refuse('EXPLAIN is allowed for SELECT statements only.');
    } else {
      result = { kind: 'describe', tables: [readDescribeTarget({ sql })], functionDatabases: [] };
    }
  } else if (firstWord === 'ANALYZE') {
    refuse('ANALYZE runs its statement (or updates statistics) and is not a read.');
  } else {
    refuse(
      `Only read statements (SELECT, WITH … SELECT, SHOW, DESCRIBE, EXPLAIN) are allowed${firstWord ? `, not ${firstWord}` : ''}.`,
    );
  }

  for (const { database, table } of result.tables) {
    const resolved = database ?? defaultDatabase;
    if (!resolved) {
      if (result.kind === 'show' || table === '*') continue;
      invalid(`No database selected for table ${table}: name it as database.table or pass database.`);
    }
    policy.assertReadable({ database: resolved, table });
  }
  for (const database of result.functionDatabases) policy.assertReadable({ database });
  return result;
}
