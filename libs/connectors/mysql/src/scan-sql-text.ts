export interface SqlTextScan {
  /** The statement with string literals blanked and ordinary comments removed, for keyword checks. */
  code: string;
  /** Problems found in the raw text, each a sentence for the user. */
  problems: string[];
}

/**
 * A lexical pass over the raw SQL before any parser sees it. Parsers treat MySQL's executable comments
 * (`/*! … *\/`, `/*M! … *\/`) and optimizer hints (`/*+ … *\/`) as comments, while the server runs their
 * contents: they are refused outright, wherever they stand.
 */
export function scanSqlText({ sql }: { sql: string }): SqlTextScan {
  const problems: string[] = [];
  let code = '';
  let index = 0;
  while (index < sql.length) {
    const character = sql[index]!;
    const next = sql[index + 1];
    if (character === '/' && next === '*') {
      const marker = sql[index + 2];
      if (marker === '!' || marker === '+' || (marker === 'M' && sql[index + 3] === '!')) {
        problems.push(
          marker === '+'
            ? 'Optimizer hints (/*+ … */) are not allowed.'
            : 'MySQL executable comments (/*! … */, /*M! … */) are not allowed: the server runs their contents.',
        );
      }
      const end = sql.indexOf('*/', index + 2);
      if (end === -1) {
        problems.push('The statement has an unterminated /* comment.');
        break;
      }
      code += ' ';
      index = end + 2;
      continue;
    }
    if ((character === '-' && next === '-' && /[\s]/.test(sql[index + 2] ?? ' ')) || character === '#') {
      const end = sql.indexOf('\n', index);
      code += ' ';
      index = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') {
      let cursor = index + 1;
      while (cursor < sql.length) {
        if (sql[cursor] === '\\' && character !== '`') {
          cursor += 2;
          continue;
        }
        if (sql[cursor] === character) {
          if (sql[cursor + 1] === character) {
            cursor += 2;
            continue;
          }
          break;
        }
        cursor += 1;
      }
      if (cursor >= sql.length) {
        problems.push(`The statement has an unterminated ${character} quote.`);
        break;
      }
      // Identifiers keep a placeholder name; strings become an empty literal.
      code += character === '`' ? '`x`' : "''";
      index = cursor + 1;
      continue;
    }
    if (character === '\0') {
      problems.push('The statement contains a NUL character.');
      break;
    }
    code += character;
    index += 1;
  }
  return { code, problems };
}
