import { ConnectorError } from '@connectormcp/connector-kit';
import type { DatabaseAccessPolicy } from '../database-access-policy.js';
import { closestKeyword } from './closest-keyword.js';
import { invisibleCharacterNote } from './describe-parser-expectation.js';
import { findFunctionCalls, functionKey } from './find-function-calls.js';
import { findSchemaReferences } from './find-schema-references.js';
import type { SqlToken } from './lex-sql.js';
import { lexStatement } from './lex-statement.js';
import { parseFailureError } from './parse-failure-error.js';
import { parseSql } from './parse-sql.js';
import { readDescribeTarget } from './read-describe-target.js';
import { readShowStatement } from './read-show-statement.js';
import { readOnlyRefusal, statementKeywords } from './statement-effects.js';
import { sqlSyntaxError } from './sql-syntax-error.js';
import type { TableReference } from './token-cursor.js';
import { walkAst } from './walk-ast.js';

const waits = { code: 'ACCESS_DENIED', reason: 'holds a server thread waiting' } as const;
const locks = { code: 'READ_ONLY', reason: 'takes or releases a lock other sessions see' } as const;
const sequences = { code: 'READ_ONLY', reason: 'advances or sets a sequence' } as const;
const shell = { code: 'ACCESS_DENIED', reason: "reaches the server's operating system" } as const;

/**
 * Functions that change state, wait, reach the file system or the replication stream, with the rule each
 * breaks. Refused in any position, including where the parser does not model a call.
 */
const forbiddenFunctions = new Map<string, { code: 'READ_ONLY' | 'ACCESS_DENIED'; reason: string }>([
  ['SLEEP', waits],
  ['BENCHMARK', { code: 'ACCESS_DENIED', reason: 'keeps the server busy on purpose' }],
  ['GET_LOCK', locks],
  ['RELEASE_LOCK', locks],
  ['RELEASE_ALL_LOCKS', locks],
  ['IS_FREE_LOCK', { code: 'ACCESS_DENIED', reason: "reads other sessions' locks" }],
  ['IS_USED_LOCK', { code: 'ACCESS_DENIED', reason: "reads other sessions' locks" }],
  ['LOAD_FILE', { code: 'ACCESS_DENIED', reason: 'reads server files' }],
  ['MASTER_POS_WAIT', waits],
  ['MASTER_GTID_WAIT', waits],
  ['SOURCE_POS_WAIT', waits],
  ['WAIT_FOR_EXECUTED_GTID_SET', waits],
  ['WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS', waits],
  ['NEXTVAL', sequences],
  ['SETVAL', sequences],
  ['LASTVAL', sequences],
  ['LAST_INSERT_ID', { code: 'READ_ONLY', reason: "sets the session's last insert id" }],
  ['SYS_EXEC', shell],
  ['SYS_EVAL', shell],
  ['SYS_SET', shell],
  ['SYS_GET', shell],
  ['UPDATEXML', { code: 'ACCESS_DENIED', reason: 'is a common way to leak data through error messages' }],
  ['KILL', { code: 'READ_ONLY', reason: "stops other sessions' statements" }],
]);

export type StatementKind = 'select' | 'show' | 'describe' | 'explain';

export interface GuardedStatement {
  kind: StatementKind;
  /** Tables the statement reads, as database.table, for the allowlist and the audit log. */
  tables: TableReference[];
  /** Databases whose stored functions the statement calls (`db.fn()`). */
  functionDatabases: string[];
}

/** A read that would change something: data, the session, locks. */
function refuse(message: string): never {
  throw new ConnectorError({ code: 'READ_ONLY', message });
}

/** SQL the connector refuses by rule although it changes nothing. */
function notAllowed(message: string): never {
  throw new ConnectorError({ code: 'ACCESS_DENIED', message: `statement not allowed: ${message}` });
}

function invalid(message: string): never {
  throw new ConnectorError({ code: 'INVALID_INPUT', message });
}

function refuseFunction({ name }: { name: string }): void {
  const key = functionKey({ name });
  const rule = forbiddenFunctions.get(key);
  if (!rule) return;
  const message = `${key}() ${rule.reason}`;
  if (rule.code === 'READ_ONLY') refuse(`${message}; execute_query only reads.`);
  notAllowed(`${message}.`);
}

const stackedStatements = ({ sql, at }: { sql: string; at: SqlToken }) =>
  notAllowed(
    `more than one statement (a second one follows the ; at line ${sqlLine({ sql, offset: at.start })}); send one statement per call.`,
  );

function sqlLine({ sql, offset }: { sql: string; offset: number }): number {
  return sql.slice(0, offset).split('\n').length;
}

const wordAt = (tokens: SqlToken[], index: number) =>
  tokens[index]?.kind === 'word' ? tokens[index]!.text.toUpperCase() : undefined;

const intoRefusal =
  'SELECT … INTO writes a server file (OUTFILE, DUMPFILE) or sets variables; execute_query only reads.';
const lockingRefusal =
  'locking reads (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) take row locks; execute_query reads without locks.';

/** Checks every token of a read, whatever the parser makes of it. */
function assertReadTokens({ sql, tokens }: { sql: string; tokens: SqlToken[] }): void {
  tokens.forEach((token, index) => {
    if (token.kind === 'symbol' && token.text === ';') stackedStatements({ sql, at: token });
    if (token.kind === 'symbol' && token.text === ':=')
      refuse('assigning a user variable (:=) changes the session; execute_query only reads.');
    const word = wordAt(tokens, index);
    if (word === 'INTO') refuse(intoRefusal);
    if (
      (word === 'FOR' && ['UPDATE', 'SHARE'].includes(wordAt(tokens, index + 1) ?? '')) ||
      (word === 'LOCK' && wordAt(tokens, index + 1) === 'IN')
    ) {
      refuse(lockingRefusal);
    }
    if (word === 'PROCEDURE') notAllowed('SELECT … PROCEDURE runs a procedure over the result.');
  });
  for (const { name } of findFunctionCalls({ tokens })) refuseFunction({ name });
}

function parseSelect({
  sql,
  tokens,
  writesEnabled,
}: {
  sql: string;
  tokens: SqlToken[];
  writesEnabled: boolean;
}): Omit<GuardedStatement, 'kind'> {
  const parsed = parseSql({ tokens });
  if (!parsed.parsed) throw parseFailureError({ sql, tokens, failure: parsed });
  const statements = Array.isArray(parsed.ast) ? parsed.ast : [parsed.ast];
  if (statements.length !== 1) stackedStatements({ sql, at: tokens.at(-1)! });
  const statement = statements[0] as Record<string, unknown>;
  if (statement.type !== 'select') {
    const keyword = String(statement.type).toUpperCase();
    throw (
      readOnlyRefusal({ keyword, writesEnabled }) ??
      new ConnectorError({ code: 'READ_ONLY', message: `${keyword} is not a read; execute_query only reads.` })
    );
  }
  const functionDatabases: string[] = [];
  const ctes = new Set<string>();
  walkAst({
    ast: statement,
    visit(node) {
      const into = node.into as { position?: string | null } | undefined;
      if (into?.position) refuse(intoRefusal);
      if (node.locking_read) refuse(lockingRefusal);
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
        refuseFunction({ name: call.name });
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

const explainWritesRefusal = 'EXPLAIN of a statement that is not a SELECT; explain a SELECT.';

/** EXPLAIN [EXTENDED | PARTITIONS | FORMAT = x] SELECT …, or DESCRIBE table. */
function readExplain({
  sql,
  tokens,
  writesEnabled,
}: {
  sql: string;
  tokens: SqlToken[];
  writesEnabled: boolean;
}): GuardedStatement {
  let rest = tokens.slice(1);
  const formatGiven = wordAt(rest, 0) === 'FORMAT' && rest[1]?.text === '=';
  if (wordAt(rest, 0) === 'ANALYZE' || (formatGiven && wordAt(rest, 3) === 'ANALYZE')) {
    notAllowed('EXPLAIN ANALYZE runs the statement it explains; use EXPLAIN without ANALYZE.');
  }
  const startsSelect = (list: SqlToken[]) =>
    ['SELECT', 'WITH'].includes(wordAt(list, 0) ?? '') || (list[0]?.kind === 'symbol' && list[0].text === '(');
  const modified = ['EXTENDED', 'PARTITIONS'].includes(wordAt(rest, 0) ?? '') || formatGiven;
  if (modified || startsSelect(rest)) {
    if (modified) rest = rest.slice(formatGiven ? 3 : 1);
    if (!startsSelect(rest)) notAllowed(explainWritesRefusal);
    return { kind: 'explain', ...parseSelect({ sql, tokens: rest, writesEnabled }) };
  }
  const next = wordAt(rest, 0);
  if (
    ['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(next ?? '') ||
    (next === 'FOR' && wordAt(rest, 1) === 'CONNECTION')
  ) {
    notAllowed(explainWritesRefusal);
  }
  return { kind: 'describe', tables: [readDescribeTarget({ sql, tokens })], functionDatabases: [] };
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
  writesEnabled = false,
}: {
  sql: string;
  defaultDatabase?: string;
  policy: DatabaseAccessPolicy;
  /** MYSQL_ALLOW_WRITES: a refused write then points to execute_statement. */
  writesEnabled?: boolean;
}): GuardedStatement {
  const { tokens } = lexStatement({ sql });
  // A statement that is not SQL at all is named as such before any rule applies to its words.
  const first = classifyFirstWord({ sql, tokens, writesEnabled });
  // Any `;` left is a second statement.
  assertReadTokens({ sql, tokens });

  let result: GuardedStatement;
  if (first === 'SELECT' || first === 'WITH' || first === 'VALUES' || first === 'TABLE') {
    result = { kind: 'select', ...parseSelect({ sql, tokens, writesEnabled }) };
  } else if (first === 'SHOW') {
    result = { kind: 'show', tables: readShowStatement({ sql, tokens }), functionDatabases: [] };
  } else {
    result = readExplain({ sql, tokens, writesEnabled });
  }

  for (const { database, table } of result.tables) {
    const resolved = database ?? defaultDatabase;
    if (!resolved) {
      if (result.kind === 'show' || table === '*') continue;
      invalid(
        `No database selected for table ${table}: name it as database.table or pass database (the connection has no default database, MYSQL_DATABASE).`,
      );
    }
    policy.assertReadable({ database: resolved, table });
  }
  for (const database of result.functionDatabases) policy.assertReadable({ database });
  return result;
}

/**
 * The statement's first keyword, when it starts a read; anything else is refused here: a statement the server
 * knows but that is not a read (READ_ONLY, naming the rule), or text that does not start a statement at all,
 * reported as the server would report it (INVALID_INPUT, "You have an error in your SQL syntax near …").
 */
function classifyFirstWord({
  sql,
  tokens,
  writesEnabled,
}: {
  sql: string;
  tokens: SqlToken[];
  writesEnabled: boolean;
}): 'SELECT' | 'WITH' | 'VALUES' | 'TABLE' | 'SHOW' | 'DESCRIBE' {
  const opening = tokens.findIndex((token) => !(token.kind === 'symbol' && token.text === '('));
  const token = tokens[opening];
  const word = wordAt(tokens, opening);
  if (word === 'SELECT' || word === 'WITH' || word === 'VALUES' || word === 'TABLE') return word;
  // Parenthesised, only a query may stand: `(SHOW TABLES)` is not SQL.
  if (opening === 0) {
    if (word === 'SHOW') return 'SHOW';
    if (word === 'DESCRIBE' || word === 'DESC' || word === 'EXPLAIN') return 'DESCRIBE';
    if (word === 'ANALYZE') {
      notAllowed('ANALYZE runs the statement it analyzes (ANALYZE TABLE updates statistics); use EXPLAIN.');
    }
    const refusal = word ? readOnlyRefusal({ keyword: word, writesEnabled }) : undefined;
    if (refusal) throw refusal;
  }
  const typo = word ? closestKeyword({ word, keywords: statementKeywords }) : undefined;
  const suggestion = `${typo ? ` (did you mean ${typo}?)` : ''}${invisibleCharacterNote({ token })}`;
  throw sqlSyntaxError({
    sql,
    at: token ? token.start : 'end',
    expected:
      opening === 0
        ? `expected a statement such as SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN${suggestion}`
        : `expected SELECT, WITH or VALUES after '('${suggestion}`,
  });
}
