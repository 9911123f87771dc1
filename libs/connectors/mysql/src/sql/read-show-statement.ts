import { ConnectorError } from '@connectormcp/connector-kit';
import { closestKeyword } from './closest-keyword.js';
import type { SqlToken } from './lex-sql.js';
import { sqlSyntaxError } from './sql-syntax-error.js';
import { createTokenCursor, type TableReference, type TokenCursor } from './token-cursor.js';

/** SHOW forms that read no other session, account or server-wide state, as the first word after SHOW. */
const allowedForms = [
  'TABLES',
  'COLUMNS',
  'FIELDS',
  'INDEX',
  'INDEXES',
  'KEYS',
  'CREATE',
  'TABLE',
  'TRIGGERS',
  'EVENTS',
  'SESSION',
  'LOCAL',
  'VARIABLES',
  'STATUS',
  'WARNINGS',
  'ERRORS',
  'COLLATION',
  'CHARACTER',
  'CHARSET',
  'ENGINES',
  'PLUGINS',
  'PRIVILEGES',
  'FULL',
  'EXTENDED',
];
const allowedList =
  'TABLES, COLUMNS, INDEX, CREATE TABLE/VIEW, TABLE STATUS, TRIGGERS, EVENTS, session VARIABLES/STATUS, WARNINGS, ERRORS, COLLATION, CHARACTER SET, ENGINES, PLUGINS, PRIVILEGES';
// Why the SHOW forms the server knows, but the connector refuses, are refused.
const refusedForms: Record<string, string> = {
  PROCESSLIST: "shows other sessions' statements",
  GRANTS: "shows accounts' privileges",
  DATABASES: 'lists databases beyond MYSQL_DATABASES',
  SCHEMAS: 'lists databases beyond MYSQL_DATABASES',
  GLOBAL: 'shows server-wide settings',
  MASTER: 'shows replication state',
  SLAVE: 'shows replication state',
  REPLICA: 'shows replication state',
  REPLICAS: 'shows replication state',
  BINARY: 'shows binary logs',
  BINLOG: 'shows binary logs',
  RELAYLOG: 'shows relay logs',
  ENGINE: 'shows storage engine internals',
  MUTEX: 'shows server internals',
  OPEN: 'shows tables other sessions have open',
  PROFILE: 'shows statement profiles',
  PROFILES: 'shows statement profiles',
  PROCEDURE: 'shows stored programs',
  FUNCTION: 'shows stored programs',
  PACKAGE: 'shows stored programs',
  USER_STATISTICS: "shows other accounts' activity",
  CLIENT_STATISTICS: "shows other clients' activity",
  INDEX_STATISTICS: 'shows server-wide statistics',
  TABLE_STATISTICS: 'shows server-wide statistics',
  QUERY_RESPONSE_TIME: 'shows server-wide statistics',
  ALL: 'shows replication state',
  EXPLAIN: "explains other sessions' statements",
  ANALYZE: "analyzes other sessions' statements",
  STORAGE: 'shows storage engine internals',
  AUTHORS: 'is not about your data',
  CONTRIBUTORS: 'is not about your data',
  LOCALES: 'is not about your data',
  WSREP_MEMBERSHIP: 'shows cluster state',
  WSREP_STATUS: 'shows cluster state',
};

/** SHOW text the connector refuses by rule, although the server would read it. */
function notAllowed(message: string): never {
  throw new ConnectorError({ code: 'ACCESS_DENIED', message: `statement not allowed: ${message}` });
}

function readDatabaseClause(cursor: TokenCursor): string | null {
  return cursor.acceptWord('FROM', 'IN') ? cursor.readName('a database name') : null;
}

function readLikeFilter(cursor: TokenCursor): void {
  if (cursor.peekWord() === 'WHERE') {
    // A WHERE clause takes any expression, subqueries over other tables included; LIKE takes a string.
    notAllowed("SHOW … WHERE takes subqueries over any table; filter with LIKE 'pattern' or query information_schema.");
  }
  if (cursor.acceptWord('LIKE')) cursor.expectString("a 'pattern' string");
}

/** `tbl [FROM db]`, where the FROM clause and a `db.tbl` prefix must not both be given. */
function readTableWithDatabase(cursor: TokenCursor): TableReference {
  const name = cursor.readTableName();
  const database = readDatabaseClause(cursor);
  if (database === null) return name;
  if (name.database !== null) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: 'The database is named twice: write either db.table or table FROM db.',
    });
  }
  return { database, table: name.table };
}

/**
 * Matches one SHOW statement against the forms that read metadata of visible objects, token by token,
 * and returns what it reads. PROCESSLIST (other sessions' queries), GRANTS, DATABASES (unfiltered by the
 * allowlist), GLOBAL settings, binary logs and engine internals are not among them.
 */
export function readShowStatement({ sql, tokens }: { sql: string; tokens: SqlToken[] }): TableReference[] {
  const cursor = createTokenCursor({ sql, tokens, statement: 'SHOW' });
  cursor.expectWord('SHOW');
  while (cursor.acceptWord('FULL', 'EXTENDED'));
  const form = cursor.peekWord();
  const tables: TableReference[] = [];
  switch (cursor.acceptWord(form ?? '')) {
    case 'TABLES':
    case 'TRIGGERS':
    case 'EVENTS':
      tables.push({ database: readDatabaseClause(cursor), table: '*' });
      readLikeFilter(cursor);
      break;
    case 'TABLE':
      cursor.expectWord('STATUS');
      tables.push({ database: readDatabaseClause(cursor), table: '*' });
      readLikeFilter(cursor);
      break;
    case 'COLUMNS':
    case 'FIELDS':
      cursor.expectWord('FROM', 'IN');
      tables.push(readTableWithDatabase(cursor));
      readLikeFilter(cursor);
      break;
    case 'INDEX':
    case 'INDEXES':
    case 'KEYS':
      cursor.expectWord('FROM', 'IN');
      tables.push(readTableWithDatabase(cursor));
      readLikeFilter(cursor);
      break;
    case 'CREATE':
      if (cursor.peekWord() && !['TABLE', 'VIEW'].includes(cursor.peekWord()!)) {
        notAllowed(
          `SHOW CREATE ${cursor.peekWord()} is refused: only SHOW CREATE TABLE and SHOW CREATE VIEW are allowed.`,
        );
      }
      cursor.expectWord('TABLE', 'VIEW');
      tables.push(cursor.readTableName());
      break;
    case 'SESSION':
    case 'LOCAL':
      cursor.expectWord('VARIABLES', 'STATUS');
      readLikeFilter(cursor);
      break;
    case 'VARIABLES':
    case 'STATUS':
    case 'COLLATION':
    case 'CHARSET':
      readLikeFilter(cursor);
      break;
    case 'CHARACTER':
      cursor.expectWord('SET');
      readLikeFilter(cursor);
      break;
    case 'WARNINGS':
    case 'ERRORS':
      if (cursor.acceptWord('LIMIT')) {
        cursor.acceptNumber();
        if (cursor.acceptSymbol(',')) cursor.acceptNumber();
      }
      break;
    case 'ENGINES':
    case 'PLUGINS':
    case 'PRIVILEGES':
      break;
    default:
      refuseShowForm({ sql, tokens, form, index: tokens.findIndex((token) => token.text.toUpperCase() === form) });
  }
  cursor.expectEnd();
  return tables;
}

/**
 * A SHOW form outside the allowed ones: refused by rule when the server knows it (SHOW PROCESSLIST), a syntax
 * error when it is a misspelt allowed form (SHOW TABLS) or no form at all.
 */
function refuseShowForm({
  sql,
  tokens,
  form,
  index,
}: {
  sql: string;
  tokens: SqlToken[];
  form: string | undefined;
  index: number;
}): never {
  const reason = form ? refusedForms[form] : undefined;
  if (form && reason) notAllowed(`SHOW ${form} ${reason}. Allowed SHOW forms: ${allowedList}.`);
  const typo = form ? closestKeyword({ word: form, keywords: allowedForms }) : undefined;
  const at = tokens[index === -1 ? 1 : index];
  if (!typo && form) notAllowed(`SHOW ${form} is not among the allowed SHOW forms: ${allowedList}.`);
  throw sqlSyntaxError({
    sql,
    at: at ? at.start : 'end',
    expected: `expected one of the SHOW forms ${allowedList}${typo ? ` (did you mean ${typo}?)` : ''}`,
  });
}
