import { ConnectorError } from '@connectormcp/connector-kit';
import { sqlParser, sqlParserOptions } from './sql-parser.js';
import { systemSchemas, type DatabaseAccessPolicy } from './database-access-policy.js';
import { maxStatementLength } from './read-only-guard.js';
import { scanSqlText } from './scan-sql-text.js';
import type { TableReference } from './token-cursor.js';
import { tokenizeSql, type SqlToken } from './tokenize-sql.js';

// Writes may use LAST_INSERT_ID or sequences; reading files, waiting and holding locks stay out.
const forbiddenFunctionPattern =
  /\b(LOAD_FILE|SLEEP|BENCHMARK|GET_LOCK|RELEASE_LOCK|RELEASE_ALL_LOCKS|MASTER_POS_WAIT|MASTER_GTID_WAIT|SOURCE_POS_WAIT|SYS_EXEC|SYS_EVAL)\s*\(/i;

const allowedKinds =
  'execute_statement runs INSERT, UPDATE, DELETE, REPLACE and table, view and index DDL (CREATE, ALTER, DROP, TRUNCATE, RENAME)';

function refuse(message: string, code: 'INVALID_INPUT' | 'ACCESS_DENIED' = 'INVALID_INPUT'): never {
  throw new ConnectorError({ code, message });
}

/** The statement's kind from its leading keywords; anything that is administration rather than data is refused. */
function assertWriteKind(tokens: SqlToken[]): void {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word') break;
    words.push(token.text.toUpperCase());
  }
  const [first, ...rest] = words;
  if (first === 'INSERT' || first === 'UPDATE' || first === 'DELETE' || first === 'REPLACE') return;
  if (first === 'TRUNCATE' || (first === 'RENAME' && rest[0] === 'TABLE')) return;
  const modifiers = new Set(['OR', 'REPLACE', 'TEMPORARY', 'ONLINE', 'IGNORE', 'UNIQUE', 'FULLTEXT', 'SPATIAL']);
  const object = rest.find((word) => !modifiers.has(word));
  if (first === 'CREATE' || first === 'ALTER' || first === 'DROP') {
    const definer = tokens.some(
      (token, index) =>
        token.kind === 'word' && token.text.toUpperCase() === 'DEFINER' && tokens[index + 1]?.text === '=',
    );
    if (definer) {
      // A view with another DEFINER runs with that account's rights: a privilege escalation.
      refuse('DEFINER clauses are not allowed: views run with the rights of the connecting account.', 'ACCESS_DENIED');
    }
    if (object === 'TABLE' || object === 'INDEX' || object === 'VIEW' || object === 'ALGORITHM' || object === 'SQL')
      return;
  }
  refuse(
    `${allowedKinds}; not ${[first, object].filter(Boolean).join(' ') || 'this statement'}. Databases, users, privileges, routines, triggers, events and server settings are administration and stay out of reach.`,
  );
}

/** Every `{ db, table }` the AST names (CREATE INDEX … ON, CREATE TABLE … LIKE, DROP INDEX … ON), beyond `tableList`. */
function astTables(node: unknown, tables: TableReference[] = []): TableReference[] {
  if (Array.isArray(node)) {
    for (const item of node) astTables(item, tables);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ('db' in record && typeof record.table === 'string') {
      tables.push({ database: typeof record.db === 'string' ? record.db : null, table: record.table });
    }
    const name = record.name as { schema?: { value?: string } | null } | undefined;
    if (record.type === 'function' && typeof name?.schema?.value === 'string') {
      tables.push({ database: name.schema.value, table: '*' });
    }
    for (const value of Object.values(record)) astTables(value, tables);
  }
  return tables;
}

/** `name .` pairs naming a system schema, for statements the parser cannot read. */
function systemSchemaQualifiers(tokens: SqlToken[]): TableReference[] {
  return tokens.flatMap((token, index) =>
    (token.kind === 'word' || token.kind === 'identifier') &&
    tokens[index + 1]?.kind === 'symbol' &&
    tokens[index + 1]?.text === '.' &&
    systemSchemas.includes(token.text.toLowerCase())
      ? [{ database: token.text, table: tokens[index + 2]?.text ?? '*' }]
      : [],
  );
}

/**
 * Checks one data-changing statement for `execute_statement` (only with MYSQL_ALLOW_WRITES). Even then
 * file access, server administration and databases outside MYSQL_DATABASES stay out of reach.
 */
export function guardWriteStatement({
  sql,
  defaultDatabase,
  policy,
}: {
  sql: string;
  defaultDatabase?: string;
  policy: DatabaseAccessPolicy;
}): void {
  if (sql.length > maxStatementLength)
    refuse(`The statement is too long (${sql.length} characters; at most ${maxStatementLength}).`);
  const { code, problems } = scanSqlText({ sql });
  if (problems.length > 0) refuse(problems[0]!);
  if (code.trim().replace(/;\s*$/, '').includes(';')) refuse('Send exactly one statement.');
  const tokens = tokenizeSql({ sql }) ?? [];
  assertWriteKind(tokens);
  if (/\b(OUTFILE|DUMPFILE|LOAD\s+DATA|INFILE|LOAD\s+XML)\b/i.test(code) || forbiddenFunctionPattern.test(code)) {
    const name = forbiddenFunctionPattern.exec(code)?.[1];
    refuse(
      name ? `The function ${name.toUpperCase()}() is not allowed.` : 'File access is not allowed.',
      'ACCESS_DENIED',
    );
  }
  const tables = systemSchemaQualifiers(tokens);
  try {
    const ast = sqlParser.astify(sql.trim().replace(/;\s*$/, ''), sqlParserOptions);
    tables.push(...astTables(ast));
    for (const entry of sqlParser.tableList(sql.trim().replace(/;\s*$/, ''), sqlParserOptions)) {
      const [, database, table] = entry.split('::');
      tables.push({ database: database === 'null' ? null : database!, table: table! });
    }
  } catch (error) {
    if (policy.hasAllowlist) {
      refuse(
        `The statement could not be parsed, so its tables cannot be checked against MYSQL_DATABASES: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  for (const { database, table } of tables) {
    const resolved = database ?? defaultDatabase;
    if (resolved) policy.assertReadable({ database: resolved, table });
  }
}
