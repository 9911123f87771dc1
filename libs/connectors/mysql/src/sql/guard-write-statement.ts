import { ConnectorError } from '@connectormcp/connector-kit';
import type { DatabaseAccessPolicy } from '../database-access-policy.js';
import { findFunctionCalls, functionKey } from './find-function-calls.js';
import { findSchemaReferences } from './find-schema-references.js';
import type { SqlToken } from './lex-sql.js';
import { lexStatement } from './lex-statement.js';
import { parseSql } from './parse-sql.js';
import type { TableReference } from './token-cursor.js';
import { walkAst } from './walk-ast.js';

// Writes may use LAST_INSERT_ID or sequences; reading files, waiting and holding locks stay out.
const forbiddenFunctions = new Set([
  'LOAD_FILE',
  'SLEEP',
  'BENCHMARK',
  'GET_LOCK',
  'RELEASE_LOCK',
  'RELEASE_ALL_LOCKS',
  'MASTER_POS_WAIT',
  'MASTER_GTID_WAIT',
  'SOURCE_POS_WAIT',
  'SYS_EXEC',
  'SYS_EVAL',
]);
const fileWords = new Set(['OUTFILE', 'DUMPFILE', 'INFILE']);

const allowedKinds =
  'execute_statement runs INSERT, UPDATE, DELETE, REPLACE and table, view and index DDL (CREATE, ALTER, DROP, TRUNCATE, RENAME)';

function refuse(message: string, code: 'INVALID_INPUT' | 'ACCESS_DENIED' = 'INVALID_INPUT'): never {
  throw new ConnectorError({ code, message });
}

/** The statement's kind from its leading keywords; anything that is administration rather than data is refused. */
function assertWriteKind({ tokens }: { tokens: SqlToken[] }): void {
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
  if (tokens.some((token) => token.kind === 'symbol' && token.text === ';')) refuse('Send exactly one statement.');
  assertWriteKind({ tokens });
  const words = tokens.map((token) => (token.kind === 'word' ? token.text.toUpperCase() : ''));
  if (
    words.some((word, index) => fileWords.has(word) || (word === 'LOAD' && ['DATA', 'XML'].includes(words[index + 1]!)))
  ) {
    refuse('File access is not allowed.', 'ACCESS_DENIED');
  }
  const calls = findFunctionCalls({ tokens });
  const forbidden = calls.find(({ name }) => forbiddenFunctions.has(functionKey({ name })));
  if (forbidden) refuse(`The function ${forbidden.name.toUpperCase()}() is not allowed.`, 'ACCESS_DENIED');
  const tables = [
    ...findSchemaReferences({ tokens }),
    ...calls.flatMap(({ database }) => (database === null ? [] : [{ database, table: '*' }])),
  ];
  const parsed = parseSql({ tokens });
  if (parsed.parsed) {
    tables.push(...astTables({ ast: parsed.ast }), ...parsed.tables);
  } else if (policy.hasAllowlist) {
    refuse(
      `The statement could not be parsed, so its tables cannot be checked against MYSQL_DATABASES: ${parsed.message}`,
    );
  }
  for (const { database, table } of tables) {
    const resolved = database ?? defaultDatabase;
    if (resolved) policy.assertReadable({ database: resolved, table });
  }
}
