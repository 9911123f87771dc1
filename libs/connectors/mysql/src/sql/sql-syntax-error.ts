import { ConnectorError } from '@connectormcp/connector-kit';

// MariaDB and MySQL quote at most 80 characters of the text after the error, then "...".
const nearLength = 80;

export interface SqlPosition {
  /** 1-based line of the statement's text. */
  line: number;
  /** 1-based column within that line. */
  column: number;
}

export function sqlPosition({ sql, offset }: { sql: string; offset: number }): SqlPosition {
  const before = sql.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * A statement that is not SQL, in the server's own words ("You have an error in your SQL syntax near '…' at
 * line N"), so the model and the user read what they would from MariaDB, followed by what was expected in
 * plain words. `at` is the offset of the token where reading failed, or `end` when the text stopped too early
 * (the server then quotes nothing: near '').
 */
export function sqlSyntaxError({
  sql,
  at,
  expected,
}: {
  sql: string;
  at: number | 'end';
  expected: string;
}): ConnectorError {
  const offset = at === 'end' ? sql.trimEnd().length : at;
  const rest = at === 'end' ? '' : sql.slice(offset);
  const near = rest.length > nearLength ? `${rest.slice(0, nearLength)}...` : rest;
  const { line, column } = sqlPosition({ sql, offset });
  return new ConnectorError({
    code: 'INVALID_INPUT',
    message: `You have an error in your SQL syntax near '${near}' at line ${line}: ${expected}.`,
    details: { line, column, near, expected },
  });
}
