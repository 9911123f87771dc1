import { ConnectorError } from '@connectormcp/connector-kit';
import { createTokenCursor, type TableReference } from './token-cursor.js';
import { tokenizeSql } from './tokenize-sql.js';

/** `DESCRIBE|DESC|EXPLAIN table [column | 'wildcard']`: the table it reads. */
export function readDescribeTarget({ sql }: { sql: string }): TableReference {
  const tokens = tokenizeSql({ sql });
  if (!tokens)
    throw new ConnectorError({ code: 'INVALID_INPUT', message: 'The DESCRIBE statement does not tokenize.' });
  const cursor = createTokenCursor({ tokens, statement: 'DESCRIBE' });
  cursor.expectWord('DESCRIBE', 'DESC', 'EXPLAIN');
  const table = cursor.readTableName();
  if (!cursor.acceptString()) cursor.acceptName();
  cursor.expectEnd();
  return table;
}
