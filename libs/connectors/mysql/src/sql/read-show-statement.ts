import { ConnectorError } from '@connectormcp/connector-kit';
import type { SqlToken } from './lex-sql.js';
import { createTokenCursor, type TableReference, type TokenCursor } from './token-cursor.js';

function refuse(message: string): never {
  throw new ConnectorError({ code: 'READ_ONLY', message });
}

function readDatabaseClause(cursor: TokenCursor): string | null {
  return cursor.acceptWord('FROM', 'IN') ? cursor.readName('a database name') : null;
}

function readLikeFilter(cursor: TokenCursor): void {
  if (cursor.peekWord() === 'WHERE') {
    // A WHERE clause takes any expression, subqueries over other tables included; LIKE takes a string.
    refuse("SHOW … WHERE is not allowed; filter with LIKE 'pattern' or query information_schema.");
  }
  if (cursor.acceptWord('LIKE')) cursor.expectString("a 'pattern' string");
}

/** `tbl [FROM db]`, where the FROM clause and a `db.tbl` prefix must not both be given. */
function readTableWithDatabase(cursor: TokenCursor): TableReference {
  const name = cursor.readTableName();
  const database = readDatabaseClause(cursor);
  if (database === null) return name;
  if (name.database !== null) refuse('Name the database once: either db.table or FROM db.');
  return { database, table: name.table };
}

/**
 * Matches one SHOW statement against the forms that read metadata of visible objects, token by token,
 * and returns what it reads. PROCESSLIST (other sessions' queries), GRANTS, DATABASES (unfiltered by the
 * allowlist), GLOBAL settings, binary logs and engine internals are not among them.
 */
export function readShowStatement({ tokens }: { tokens: SqlToken[] }): TableReference[] {
  const cursor = createTokenCursor({ tokens, statement: 'SHOW' });
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
      refuse(
        `This SHOW statement is not allowed: SHOW ${form ?? ''}`.trim() +
          '. Allowed: TABLES, COLUMNS, INDEX, CREATE TABLE/VIEW, TABLE STATUS, TRIGGERS, EVENTS, session VARIABLES/STATUS, WARNINGS, ERRORS, COLLATION, CHARACTER SET, ENGINES, PLUGINS, PRIVILEGES.',
      );
  }
  cursor.expectEnd();
  return tables;
}
