import { ConnectorError } from '@connectormcp/connector-kit';
import type { DatabaseAccessPolicy } from '../database-access-policy.js';
import { findFunctionCalls, functionKey } from './find-function-calls.js';
import { findSchemaReferences } from './find-schema-references.js';
import type { SqlToken } from './lex-sql.js';
import { lexStatement } from './lex-statement.js';
import { parseSql } from './parse-sql.js';
import { readDescribeTarget } from './read-describe-target.js';
import { readShowStatement } from './read-show-statement.js';
import type { TableReference } from './token-cursor.js';
import { walkAst } from './walk-ast.js';

/**
 * Functions that change state, wait, reach the file system or the replication stream. Refused in any
 * position, including where the parser does not model a call.
 */
const forbiddenFunctions = new Set([
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
]);

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

const wordAt = (tokens: SqlToken[], index: number) =>
  tokens[index]?.kind === 'word' ? tokens[index]!.text.toUpperCase() : undefined;

/** Checks every token of a read, whatever the parser makes of it. */
function assertReadTokens({ tokens }: { tokens: SqlToken[] }): void {
  tokens.forEach((token, index) => {
    if (token.kind === 'symbol' && token.text === ';') {
      refuse('Send exactly one statement: stacked statements are not allowed.');
    }
    if (token.kind === 'symbol' && token.text === ':=')
      refuse('Assigning user variables (:=) is not allowed in a read.');
    const word = wordAt(tokens, index);
    if (word === 'INTO') refuse('SELECT … INTO (OUTFILE, DUMPFILE or variables) is not allowed.');
    if (
      (word === 'FOR' && ['UPDATE', 'SHARE'].includes(wordAt(tokens, index + 1) ?? '')) ||
      (word === 'LOCK' && wordAt(tokens, index + 1) === 'IN')
    ) {
      refuse('Locking reads (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed.');
    }
    if (word === 'PROCEDURE') refuse('SELECT … PROCEDURE is not allowed in a read.');
  });
  for (const { name } of findFunctionCalls({ tokens })) {
    if (forbiddenFunctions.has(functionKey({ name }))) {
      refuse(`The function ${functionKey({ name })}() is not allowed in a read.`);
    }
  }
}

function parseSelect({ tokens }: { tokens: SqlToken[] }): Omit<GuardedStatement, 'kind'> {
  const parsed = parseSql({ tokens });
  if (!parsed.parsed) {
    invalid(
      `The SQL could not be parsed (only one SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN statement is accepted): ${parsed.message}`,
    );
  }
  const statements = Array.isArray(parsed.ast) ? parsed.ast : [parsed.ast];
  if (statements.length !== 1) refuse('Send exactly one statement: stacked statements are not allowed.');
  const statement = statements[0] as Record<string, unknown>;
  if (statement.type !== 'select')
    refuse(`Only read statements are allowed, not ${String(statement.type).toUpperCase()}.`);
  const functionDatabases: string[] = [];
  const ctes = new Set<string>();
  walkAst({
    ast: statement,
    visit(node) {
      const into = node.into as { position?: string | null } | undefined;
      if (into?.position) refuse('SELECT … INTO (OUTFILE, DUMPFILE or variables) is not allowed.');
      if (node.locking_read) refuse('Locking reads (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed.');
      if (node.type === 'function' || node.type === 'aggr_func') {
        const name = node.name as
          { name?: Array<{ value?: string }>; schema?: { value?: string } | null } | string | undefined;
        const call =
          typeof name === 'string'
            ? { database: null, name }
            : {
                database: name?.schema?.value ?? null,
                name: (name?.name ?? []).map((part) => part.value ?? '').join('.'),
              };
        if (forbiddenFunctions.has(functionKey({ name: call.name }))) {
          refuse(`The function ${call.name.toUpperCase()}() is not allowed in a read.`);
        }
        // A stored function runs with its database's rights and reads its tables: the allowlist applies.
        if (call.database !== null) functionDatabases.push(call.database);
      }
      // Names of common table expressions at any depth (a subquery may have its own WITH).
      const withClause = node.with as Array<{ name?: { value?: string } | string }> | null | undefined;
      for (const entry of Array.isArray(withClause) ? withClause : []) {
        const cte = typeof entry.name === 'string' ? entry.name : entry.name?.value;
        if (cte) ctes.add(cte.toLowerCase());
      }
    },
  });
  for (const { database } of findFunctionCalls({ tokens })) if (database !== null) functionDatabases.push(database);
  const tables = parsed.tables
    // A CTE name reads nothing itself; the default database stands in for it (checked below).
    .map((entry) =>
      entry.database === null && ctes.has(entry.table.toLowerCase()) ? { database: null, table: '*' } : entry,
    );
  return { tables: [...tables, ...findSchemaReferences({ tokens })], functionDatabases };
}

/** EXPLAIN [EXTENDED | PARTITIONS | FORMAT = x] SELECT …, or DESCRIBE table. */
function readExplain({ tokens }: { tokens: SqlToken[] }): GuardedStatement {
  let rest = tokens.slice(1);
  const formatGiven = wordAt(rest, 0) === 'FORMAT' && rest[1]?.text === '=';
  if (wordAt(rest, 0) === 'ANALYZE' || (formatGiven && wordAt(rest, 3) === 'ANALYZE')) {
    refuse('EXPLAIN ANALYZE runs its statement and is not a read.');
  }
  const startsSelect = (list: SqlToken[]) =>
    ['SELECT', 'WITH'].includes(wordAt(list, 0) ?? '') || (list[0]?.kind === 'symbol' && list[0].text === '(');
  const modified = ['EXTENDED', 'PARTITIONS'].includes(wordAt(rest, 0) ?? '') || formatGiven;
  if (modified || startsSelect(rest)) {
    if (modified) rest = rest.slice(formatGiven ? 3 : 1);
    if (!startsSelect(rest)) refuse('EXPLAIN is allowed for SELECT statements only.');
    return { kind: 'explain', ...parseSelect({ tokens: rest }) };
  }
  const next = wordAt(rest, 0);
  if (
    ['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(next ?? '') ||
    (next === 'FOR' && wordAt(rest, 1) === 'CONNECTION')
  ) {
    refuse('EXPLAIN is allowed for SELECT statements only.');
  }
  return { kind: 'describe', tables: [readDescribeTarget({ tokens })], functionDatabases: [] };
}

/**
 * Layer 1 of read-only enforcement: classifies one statement and refuses anything but plain reads. It reads
 * the text once, with the lexer that knows the session's pinned sql_mode, and every check works on those
 * tokens. The database session (read-only transaction, time limit, reset) is the next layer, so a gap here is
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
  const { tokens } = lexStatement({ sql });
  // Any `;` left is a second statement.
  assertReadTokens({ tokens });
  const firstWord = wordAt(
    tokens,
    tokens.findIndex((token) => !(token.kind === 'symbol' && token.text === '(')),
  );

  let result: GuardedStatement;
  if (firstWord === 'SELECT' || firstWord === 'WITH' || firstWord === 'VALUES' || firstWord === 'TABLE') {
    result = { kind: 'select', ...parseSelect({ tokens }) };
  } else if (firstWord === 'SHOW' && tokens[0]?.kind === 'word') {
    result = { kind: 'show', tables: readShowStatement({ tokens }), functionDatabases: [] };
  } else if (
    (firstWord === 'DESCRIBE' || firstWord === 'DESC' || firstWord === 'EXPLAIN') &&
    tokens[0]?.kind === 'word'
  ) {
    result = readExplain({ tokens });
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
