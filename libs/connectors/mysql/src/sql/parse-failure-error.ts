import type { ConnectorError } from '@connectormcp/connector-kit';
import { describeParserExpectation } from './describe-parser-expectation.js';
import type { SqlToken } from './lex-sql.js';
import type { ParsedSql } from './parse-sql.js';
import { sqlPosition, sqlSyntaxError } from './sql-syntax-error.js';

// Reserved words that start a clause: after `,`, an operator or SELECT they stand where a value was expected.
const clauseStarts = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT']);
const valueExpectedAfter = new Set([',', '=', '<', '>', '<=', '>=', '<>', '!=', '+', '-', '*', '/', '(']);
const valueExpectedAfterWords = new Set(['SELECT', 'SET', 'AND', 'OR', 'NOT']);

/** The first `)` that closes nothing, and the last `(` left open. */
function unbalancedParentheses({ tokens }: { tokens: SqlToken[] }) {
  const open: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'symbol') continue;
    if (token.text === '(') open.push(index);
    if (token.text === ')' && open.pop() === undefined) return { stray: index, unclosed: undefined };
  }
  return { stray: undefined, unclosed: open.at(-1) };
}

const wordOf = (token: SqlToken | undefined) => (token?.kind === 'word' ? token.text.toUpperCase() : undefined);

/**
 * The parser's failure as the server would report it: the text from the token where reading stopped, its line,
 * and what was expected there. `SELECT id, FROM t` is read by the parser as a column named FROM; the server,
 * and this message, point at FROM itself.
 */
export function parseFailureError({
  sql,
  tokens,
  failure,
}: {
  sql: string;
  tokens: SqlToken[];
  failure: Extract<ParsedSql, { parsed: false }>;
}): ConnectorError {
  const index = failure.at === 'end' ? tokens.length : failure.at;
  // The parser stops at the end, or after a `)` too many, with a long list; the parenthesis is the news.
  const { stray, unclosed } = unbalancedParentheses({ tokens });
  if (stray !== undefined && stray <= index) {
    return sqlSyntaxError({ sql, at: tokens[stray]!.start, expected: "no ')' here: it closes no '('" });
  }
  if (unclosed !== undefined && failure.at === 'end') {
    const { line, column } = sqlPosition({ sql, offset: tokens[unclosed]!.start });
    return sqlSyntaxError({
      sql,
      at: 'end',
      expected: `expected ')' to close the '(' at line ${line}, column ${column}`,
    });
  }
  const keyword = tokens[index - 1];
  const beforeKeyword = tokens[index - 2];
  if (
    clauseStarts.has(wordOf(keyword) ?? '') &&
    ((beforeKeyword?.kind === 'symbol' && valueExpectedAfter.has(beforeKeyword.text)) ||
      valueExpectedAfterWords.has(wordOf(beforeKeyword) ?? ''))
  ) {
    return sqlSyntaxError({
      sql,
      at: keyword!.start,
      expected: `expected a value, a column name or an expression before ${wordOf(keyword)}`,
    });
  }
  const found = tokens[index];
  return sqlSyntaxError({
    sql,
    at: found ? found.start : 'end',
    expected: describeParserExpectation({ expected: failure.expected, found }),
  });
}
