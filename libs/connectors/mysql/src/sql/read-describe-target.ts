import type { SqlToken } from './lex-sql.js';
import { createTokenCursor, type TableReference } from './token-cursor.js';

/** `DESCRIBE|DESC|EXPLAIN table [column | 'wildcard']`: the table it reads. */
export function readDescribeTarget({ sql, tokens }: { sql: string; tokens: SqlToken[] }): TableReference {
  const cursor = createTokenCursor({ sql, tokens, statement: 'DESCRIBE' });
  cursor.expectWord('DESCRIBE', 'DESC', 'EXPLAIN');
  const table = cursor.readTableName();
  if (!cursor.acceptString()) cursor.acceptName();
  cursor.expectEnd();
  return table;
}
