import { systemSchemas } from '../database-access-policy.js';
import type { SqlToken } from './lex-sql.js';
import type { TableReference } from './token-cursor.js';

const isName = (token: SqlToken | undefined) => token?.kind === 'word' || token?.kind === 'identifier';
const isDot = (token: SqlToken | undefined) => token?.kind === 'symbol' && token.text === '.';

/**
 * Database qualifiers straight from the tokens, as a backstop to the parser's table list. In `a.b`, `a` is a
 * database when the statement never names `a` as a table, alias or CTE (a name not followed by a dot), when
 * it starts `a.b.c` (db.table.column), or when it is a system schema or information_schema (an alias so
 * named is refused too).
 */
export function findSchemaReferences({ tokens }: { tokens: SqlToken[] }): TableReference[] {
  const declared = new Set(
    tokens
      .filter((token, index) => isName(token) && !isDot(tokens[index + 1]))
      .map((token) => token.text.toLowerCase()),
  );
  const references: TableReference[] = [];
  tokens.forEach((token, index) => {
    if (!isName(token) || !isDot(tokens[index + 1]) || !isName(tokens[index + 2])) return;
    // Only the first name of a chain; `x.a.b` was taken at x.
    if (isDot(tokens[index - 1])) return;
    const database = token.text;
    const table = tokens[index + 2]!.text;
    const threeParts = isDot(tokens[index + 3]) && (isName(tokens[index + 4]) || tokens[index + 4]?.text === '*');
    const lowered = database.toLowerCase();
    if (threeParts || !declared.has(lowered) || systemSchemas.includes(lowered) || lowered === 'information_schema') {
      references.push({ database, table });
    }
  });
  return references;
}
