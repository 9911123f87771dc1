import { ConnectorError } from '@connectormcp/connector-kit';
import type { DatabaseAccessPolicy } from '../database-access-policy.js';
import { closestKeyword } from './closest-keyword.js';
import { findFunctionCalls, functionKey } from './find-function-calls.js';
import { findSchemaReferences } from './find-schema-references.js';
import type { SqlToken } from './lex-sql.js';
import { lexStatement } from './lex-statement.js';
import { parseFailureError } from './parse-failure-error.js';
import { parseSql } from './parse-sql.js';
import { statementKeywords } from './statement-effects.js';
import { sqlSyntaxError } from './sql-syntax-error.js';
import type { TableReference } from './token-cursor.js';
import { walkAst } from './walk-ast.js';

// Writes may use LAST_INSERT_ID or sequences; reading files, waiting and holding locks stay out.
const forbiddenFunctions = new Map([
  ['LOAD_FILE', 'reads server files'],
  ['SLEEP', 'holds a server thread waiting'],
  ['BENCHMARK', 'keeps the server busy on purpose'],
  ['GET_LOCK', 'takes a lock other sessions see'],
  ['RELEASE_LOCK', 'releases a lock other sessions see'],
  ['RELEASE_ALL_LOCKS', 'releases locks other sessions see'],
  ['MASTER_POS_WAIT', 'holds a server thread waiting'],
  ['MASTER_GTID_WAIT', 'holds a server thread waiting'],
  ['SOURCE_POS_WAIT', 'holds a server thread waiting'],
  ['SYS_EXEC', "reaches the server's operating system"],
  ['SYS_EVAL', "reaches the server's operating system"],
]);
const fileWords = new Map([
  ['OUTFILE', 'INTO OUTFILE writes server files'],
  ['DUMPFILE', 'INTO DUMPFILE writes server files'],
  ['INFILE', 'LOAD DATA INFILE reads server files'],
]);

const allowedKinds =
  'execute_statement runs INSERT, UPDATE, DELETE, REPLACE and table, view and index DDL (CREATE, ALTER, DROP, TRUNCATE, RENAME)';

/** A statement refused by rule: it is SQL, but outside what writes may do. */
function notAllowed(message: string): never {
  throw new ConnectorError({ code: 'ACCESS_DENIED', message: `statement not allowed: ${message}` });
}

/** The statement's kind from its leading keywords; anything that is administration rather than data is refused. */
function assertWriteKind({ sql, tokens }: { sql: string; tokens: SqlToken[] }): void {
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
      notAllowed(
        "a DEFINER clause would run the view with another account's rights; views run with the connecting account's.",
      );
    }
    if (object === 'TABLE' || object === 'INDEX' || object === 'VIEW' || object === 'ALGORITHM' || object === 'SQL')
      return;
  }
  if (!first || !statementKeywords.includes(first)) {
    // Not a statement the server knows: a syntax error at its first word, as the server reports it.
    const typo = first ? closestKeyword({ word: first, keywords: statementKeywords }) : undefined;
    throw sqlSyntaxError({
      sql,
      at: tokens[0]!.start,
      expected: `expected a statement such as INSERT, UPDATE, DELETE, REPLACE, CREATE, ALTER or DROP${typo ? ` (did you mean ${typo}?)` : ''}`,
    });
  }
  if (first === 'SELECT' || first === 'WITH' || first === 'SHOW' || first === 'DESCRIBE' || first === 'EXPLAIN') {
    notAllowed(`${first} is a read: run it with execute_query.`);
  }
  if (first === 'LOAD') notAllowed('LOAD DATA and LOAD XML read server files.');
  notAllowed(
    `${first === 'CREATE' || first === 'ALTER' || first === 'DROP' || first === 'SET' ? [first, object].filter(Boolean).join(' ') : first} is administration: ${allowedKinds}. Databases, users, privileges, routines, triggers, events and server settings stay out of reach.`,
  );
}

/** Every `{ db, table }` the AST names (CREATE INDEX … ON, CREATE TABLE … LIKE, DROP INDEX … ON), beyond the table list. */
function astTables({ ast }: { ast: unknown }): TableReference[] {
  const tables: TableReference[] = [];
  walkAst({
    ast,
    visit(record) {
      if ('db' in record && typeof record.table === 'string') {
        tables.push({ database: typeof record.db === 'string' ? record.db : null, table: record.table });
      }
      const name = record.name as { schema?: { value?: string } | null } | undefined;
      if (record.type === 'function' && typeof name?.schema?.value === 'string') {
        tables.push({ database: name.schema.value, table: '*' });
      }
    },
  });
  return tables;
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
  const { tokens } = lexStatement({ sql });
  if (tokens.some((token) => token.kind === 'symbol' && token.text === ';')) {
    notAllowed('more than one statement; send one statement per call.');
  }
  assertWriteKind({ sql, tokens });
  const words = tokens.map((token) => (token.kind === 'word' ? token.text.toUpperCase() : ''));
  const fileWord = words.find((word) => fileWords.has(word));
  if (fileWord) notAllowed(`${fileWords.get(fileWord)}.`);
  if (words.some((word, index) => word === 'LOAD' && ['DATA', 'XML'].includes(words[index + 1]!))) {
    notAllowed('LOAD DATA and LOAD XML read server files.');
  }
  const calls = findFunctionCalls({ tokens });
  const forbidden = calls.find(({ name }) => forbiddenFunctions.has(functionKey({ name })));
  if (forbidden) {
    const key = functionKey({ name: forbidden.name });
    notAllowed(`${key}() ${forbiddenFunctions.get(key)}.`);
  }
  const tables = [
    ...findSchemaReferences({ tokens }),
    ...calls.flatMap(({ database }) => (database === null ? [] : [{ database, table: '*' }])),
  ];
  const parsed = parseSql({ tokens });
  if (parsed.parsed) {
    tables.push(...astTables({ ast: parsed.ast }), ...parsed.tables);
  } else if (policy.hasAllowlist) {
    // It may be valid SQL the parser does not know; with an allowlist it is refused all the same.
    const reading = parseFailureError({ sql, tokens, failure: parsed });
    notAllowed(
      `its tables cannot be checked against MYSQL_DATABASES because the connector's SQL reader stops ${reading.message.replace(/^You have an error in your SQL syntax /, '')} Write it in plain MySQL syntax.`,
    );
  }
  for (const { database, table } of tables) {
    const resolved = database ?? defaultDatabase;
    if (resolved) policy.assertReadable({ database: resolved, table });
  }
}
