import { ConnectorError } from '@connectormcp/connector-kit';
// The MariaDB-only build: a fraction of the memory of the all-dialects bundle.
import nodeSqlParser from 'node-sql-parser/build/mariadb.js';
import type { DatabaseAccessPolicy } from './database-access-policy.js';
import { scanSqlText } from './scan-sql-text.js';

const { Parser } = nodeSqlParser;
const parser = new Parser();
const parserOptions = { database: 'MariaDB' };

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

// SHOW forms that read metadata of one's own visible objects. PROCESSLIST (other sessions' queries),
// GRANTS of others, ENGINE internals, binary logs and the like are not in the list.
const allowedShow =
  /^SHOW\s+(?:FULL\s+)?(?:(?:TABLES|COLUMNS|FIELDS|TABLE\s+STATUS|TRIGGERS|EVENTS)|(?:INDEX|INDEXES|KEYS)|CREATE\s+(?:TABLE|VIEW)|(?:SESSION\s+|GLOBAL\s+)?(?:VARIABLES|STATUS)|WARNINGS|ERRORS|COLLATION|CHARACTER\s+SET|CHARSET|ENGINES|PLUGINS|PRIVILEGES)\b/i;

export type StatementKind = 'select' | 'show' | 'describe' | 'explain';

export interface GuardedStatement {
  kind: StatementKind;
  /** Tables the statement reads, as database.table, for the allowlist and the audit log. */
  tables: Array<{ database: string | null; table: string }>;
}

function refuse(message: string): never {
  throw new ConnectorError({ code: 'READ_ONLY', message });
}

function invalid(message: string): never {
  throw new ConnectorError({ code: 'INVALID_INPUT', message });
}

function functionNames(node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) functionNames(item, names);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'function' || record.type === 'aggr_func') {
      const name = record.name as { name?: Array<{ value?: string }> } | string | undefined;
      const text = typeof name === 'string' ? name : (name?.name ?? []).map((part) => part.value ?? '').join('.');
      names.add(text.toUpperCase());
    }
    for (const value of Object.values(record)) functionNames(value, names);
  }
  return names;
}

function cteNames(ast: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const withClause = ast.with as Array<{ name?: { value?: string } | string }> | null | undefined;
  for (const entry of withClause ?? []) {
    const name = typeof entry.name === 'string' ? entry.name : entry.name?.value;
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

function parseSelect({ sql }: { sql: string }) {
  let ast: unknown;
  try {
    ast = parser.astify(sql, parserOptions);
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
  for (const name of functionNames(statement, new Set())) {
    if (forbiddenFunctions.includes(name)) refuse(`The function ${name}() is not allowed in a read.`);
  }
  const ctes = cteNames(statement);
  const tables = parser
    .tableList(sql, parserOptions)
    .map((entry) => entry.split('::'))
    .map(([, database, table]) => ({ database: database === 'null' ? null : database!, table: table! }))
    .filter((entry) => !(entry.database === null && ctes.has(entry.table.toLowerCase())));
  return tables;
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
    result = { kind: 'select', tables: parseSelect({ sql: sql.trim().replace(/;\s*$/, '') }) };
  } else if (firstWord === 'SHOW') {
    if (!allowedShow.test(trimmed))
      refuse(`This SHOW statement is not allowed: ${trimmed.split(/\s+/).slice(0, 3).join(' ')}.`);
    if (
      /^SHOW\s+(?:SESSION\s+|GLOBAL\s+)?(?:VARIABLES|STATUS)\b/i.test(trimmed) &&
      /\bGLOBAL\b/i.test(trimmed.slice(0, 20))
    ) {
      refuse('SHOW GLOBAL … is not allowed.');
    }
    const from = /\b(?:FROM|IN)\s+(`(?:[^`]|``)+`|[\w$]+)(?:\s*\.\s*(`(?:[^`]|``)+`|[\w$]+))?/i.exec(sql);
    const createOrColumns =
      /^SHOW\s+(?:FULL\s+)?(?:CREATE\s+(?:TABLE|VIEW)|COLUMNS|FIELDS|INDEX|INDEXES|KEYS)\s+(`(?:[^`]|``)+`|[\w$]+)(?:\s*\.\s*(`(?:[^`]|``)+`|[\w$]+))?/i.exec(
        sql.trim(),
      );
    const tables: GuardedStatement['tables'] = [];
    if (createOrColumns) {
      const [, first, second] = createOrColumns;
      const fromDatabase = from && !second && from.index > createOrColumns[0].length - 1 ? identifier(from[1]!) : null;
      tables.push(
        second
          ? { database: identifier(first!), table: identifier(second) }
          : { database: fromDatabase, table: identifier(first!) },
      );
    } else if (from) {
      tables.push({ database: identifier(from[1]!), table: '*' });
    }
    result = { kind: 'show', tables };
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
      result = { kind: 'explain', tables: parseSelect({ sql: inner }) };
    } else if (/^(INSERT|UPDATE|DELETE|REPLACE|FOR\s+CONNECTION)\b/i.test(rest)) {
      refuse('EXPLAIN is allowed for SELECT statements only.');
    } else {
      const target =
        /^(`(?:[^`]|``)+`|[\w$]+)(?:\s*\.\s*(`(?:[^`]|``)+`|[\w$]+))?(?:\s+(`(?:[^`]|``)+`|[\w$%]+))?\s*$/.exec(rest);
      if (!target) invalid('DESCRIBE expects a table name, optionally followed by a column name.');
      const [, first, second] = target;
      result = {
        kind: 'describe',
        tables: [
          second
            ? { database: identifier(first!), table: identifier(second) }
            : { database: null, table: identifier(first!) },
        ],
      };
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
  return result;
}
