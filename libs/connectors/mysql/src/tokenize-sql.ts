export interface SqlToken {
  kind: 'word' | 'identifier' | 'string' | 'number' | 'symbol';
  /** As written; quoted identifiers and strings unescaped, without their quotes. */
  text: string;
}

function readQuoted({ sql, start, quote }: { sql: string; start: number; quote: string }) {
  let text = '';
  let cursor = start + 1;
  while (cursor < sql.length) {
    const character = sql[cursor]!;
    if (character === '\\' && quote !== '`') {
      text += sql[cursor + 1] ?? '';
      cursor += 2;
      continue;
    }
    if (character === quote) {
      if (sql[cursor + 1] === quote) {
        text += quote;
        cursor += 2;
        continue;
      }
      return { text, end: cursor + 1 };
    }
    text += character;
    cursor += 1;
  }
  return undefined;
}

/**
 * Splits the short statements that the SQL parser does not model (SHOW, DESCRIBE) into tokens, so
 * their grammar can be matched exactly rather than by pattern. Comments are dropped; executable
 * comments never get here (`scanSqlText` refuses them first). Returns undefined for text that does not
 * tokenize (an unterminated quote or comment).
 */
export function tokenizeSql({ sql }: { sql: string }): SqlToken[] | undefined {
  const tokens: SqlToken[] = [];
  let index = 0;
  while (index < sql.length) {
    const character = sql[index]!;
    const next = sql[index + 1];
    if (/\s/.test(character)) {
      index += 1;
    } else if (character === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      if (end === -1) return undefined;
      index = end + 2;
    } else if ((character === '-' && next === '-' && /\s/.test(sql[index + 2] ?? ' ')) || character === '#') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (character === '`' || character === "'" || character === '"') {
      const quoted = readQuoted({ sql, start: index, quote: character });
      if (!quoted) return undefined;
      tokens.push({ kind: character === '`' ? 'identifier' : 'string', text: quoted.text });
      index = quoted.end;
    } else if (/[0-9]/.test(character)) {
      const match = /^[0-9]+(?:\.[0-9]+)?/.exec(sql.slice(index))!;
      tokens.push({ kind: 'number', text: match[0] });
      index += match[0].length;
    } else if (/[\p{L}_$]/u.test(character)) {
      const match = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(index))!;
      tokens.push({ kind: 'word', text: match[0] });
      index += match[0].length;
    } else {
      tokens.push({ kind: 'symbol', text: character });
      index += 1;
    }
  }
  return tokens;
}
