import type { SqlToken } from './lex-sql.js';

export interface FunctionCall {
  /** The database of a stored function called as `db.fn()`. */
  database: string | null;
  name: string;
}

const isName = (token: SqlToken | undefined) => token?.kind === 'word' || token?.kind === 'identifier';

/**
 * Every name followed by `(` in the token stream, whether the parser models it or not. Without IGNORE_SPACE
 * the server still calls a function written `sleep (1)` or `` `sleep`(1) ``, and comments between name and
 * parenthesis are gone from the tokens, so adjacency in the stream is the server's reading.
 */
export function findFunctionCalls({ tokens }: { tokens: SqlToken[] }): FunctionCall[] {
  const calls: FunctionCall[] = [];
  tokens.forEach((token, index) => {
    if (!isName(token) || tokens[index + 1]?.text !== '(' || tokens[index + 1]?.kind !== 'symbol') return;
    const qualified = tokens[index - 1]?.text === '.' && isName(tokens[index - 2]);
    calls.push({ database: qualified ? tokens[index - 2]!.text : null, name: token.text });
  });
  return calls;
}

/** The upper-cased name as the server's case-insensitive lookup sees it, full-width letters folded too. */
export function functionKey({ name }: { name: string }): string {
  return name.normalize('NFKC').toUpperCase();
}
