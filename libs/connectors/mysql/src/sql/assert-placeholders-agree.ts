import { ConnectorError } from '@connectormcp/connector-kit';
import mysql from 'mysql2/promise';
import { lexSql, type SqlToken } from './lex-sql.js';

// A number is put into the text as written, so where it lands shows exactly where the driver put a value.
const marker = 424_242;

/**
 * The driver fills `?` placeholders in the text itself (mysql2 `query` with values) with its own reading of
 * quotes and comments. The server must read the filled text as the guard read the template: each `?` the
 * lexer saw as a placeholder filled with one value, and no `?` inside a string, name or comment touched. A
 * `??` (an identifier placeholder: a parameter would name a table) is refused.
 */
export function assertPlaceholdersAgree({ sql, tokens }: { sql: string; tokens: SqlToken[] }): void {
  if (!sql.includes('?')) return;
  const filled = mysql.format(sql, new Array<number>(sql.split('?').length - 1).fill(marker));
  const expected = tokens.map((token) =>
    token.kind === 'symbol' && token.text === '?' ? `number:${marker}` : `${token.kind}:${token.text}`,
  );
  let actual: string[];
  try {
    actual = lexSql({ sql: filled }).map((token) => `${token.kind}:${token.text}`);
  } catch {
    actual = [];
  }
  if (actual.length !== expected.length || actual.some((entry, index) => entry !== expected[index])) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message:
        'The ? placeholders are ambiguous: the driver would fill them differently from how the statement reads (a ?? identifier placeholder, or a ? where a value cannot go). Use one ? per value, outside strings and comments.',
    });
  }
}
