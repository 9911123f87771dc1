import { systemSchemas } from '../database-access-policy.js';
import type { SqlToken } from './lex-sql.js';
import type { TableReference } from './token-cursor.js';

const isName = (token: SqlToken | undefined) => token?.kind === 'word' || token?.kind === 'identifier';
const isDot = (token: SqlToken | undefined) => token?.kind === 'symbol' && token.text === '.';

/**
 * Database qualifiers straight from the tokens, as a backstop to the parser's table list: `a.b.c` always names
 * database `a` (db.table.column), and `a.b` where `a` is a system schema or information_schema is read as a
 * table of that schema even where the parser would not see a table (an alias so named is refused too).
 */
export function findSchemaReferences({ tokens }: { tokens: SqlToken[] }): TableReference[] {
  const references: TableReference[] = [];
  tokens.forEach((token, index) => {
    if (!isName(token) || !isDot(tokens[index + 1]) || !isName(tokens[index + 2])) return;
    // Only the first name of a chain; `x.a.b` was taken at x.
    if (isDot(tokens[index - 1])) return;
    const database = token.text;
    const table = tokens[index + 2]!.text;
    const threeParts = isDot(tokens[index + 3]) && (isName(tokens[index + 4]) || tokens[index + 4]?.text === '*');
    const lowered = database.toLowerCase();
    if (threeParts || systemSchemas.includes(lowered) || lowered === 'information_schema') {
      references.push({ database, table });
    }
  });
  return references;
}
