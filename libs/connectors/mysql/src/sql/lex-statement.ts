import { ConnectorError } from '@connectormcp/connector-kit';
import { assertPlaceholdersAgree } from './assert-placeholders-agree.js';
import { assertStatementComplexity } from './assert-statement-complexity.js';
import { lexSql, type SqlToken } from './lex-sql.js';

export const maxStatementLength = 100_000;

/**
 * The first steps both guards take, in one place so they cannot drift: a length limit, the one reading of the
 * text, the complexity limit the parser needs, and the driver's placeholders agreeing with that reading.
 * `tokens` leave out one trailing `;`; any other `;` is for each guard to refuse in its own terms.
 */
export function lexStatement({ sql }: { sql: string }): { allTokens: SqlToken[]; tokens: SqlToken[] } {
  if (sql.length > maxStatementLength) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: `The statement is too long (${sql.length} characters; at most ${maxStatementLength}).`,
    });
  }
  const allTokens = lexSql({ sql });
  const last = allTokens.at(-1);
  const tokens = last?.kind === 'symbol' && last.text === ';' ? allTokens.slice(0, -1) : allTokens;
  if (tokens.length === 0) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: 'Query was empty: the text holds no statement, only spaces, comments or a ;.',
    });
  }
  assertStatementComplexity({ tokens });
  assertPlaceholdersAgree({ sql, tokens: allTokens });
  return { allTokens, tokens };
}
