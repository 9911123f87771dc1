import type { SqlToken } from './lex-sql.js';
import { sqlSyntaxError } from './sql-syntax-error.js';

export interface TableReference {
  database: string | null;
  table: string;
}

export interface TokenCursor {
  /** The upper-cased keyword at the cursor (plus `offset`), if the token there is a bare word. */
  peekWord(offset?: number): string | undefined;
  acceptWord(...words: string[]): string | undefined;
  expectWord(...words: string[]): string;
  /** A bare or backquoted name. */
  readName(what: string): string;
  /** `name` or `database.name`. */
  readTableName(): TableReference;
  /** A bare or backquoted name, if one is at the cursor. */
  acceptName(): string | undefined;
  acceptString(): boolean;
  expectString(what: string): void;
  acceptNumber(): boolean;
  acceptSymbol(symbol: string): boolean;
  /** Fails unless every token was consumed (a trailing `;` is fine). */
  expectEnd(): void;
}

/**
 * Reads a token list front to back for the small hand-checked grammars (SHOW, DESCRIBE); what does not fit is
 * a syntax error at the token where reading stopped, as the server reports it.
 */
export function createTokenCursor({
  sql,
  tokens,
  statement,
}: {
  sql: string;
  tokens: SqlToken[];
  statement: string;
}): TokenCursor {
  let position = 0;
  const unexpected = (expected: string): never => {
    const token = tokens[position];
    throw sqlSyntaxError({ sql, at: token ? token.start : 'end', expected: `expected ${expected} in ${statement}` });
  };
  const peekWord = (offset = 0) => {
    const token = tokens[position + offset];
    return token?.kind === 'word' ? token.text.toUpperCase() : undefined;
  };
  const readName = (what: string) => {
    const token = tokens[position];
    if (token?.kind !== 'word' && token?.kind !== 'identifier') return unexpected(what);
    position += 1;
    return token.text;
  };
  const acceptKind = (kind: SqlToken['kind'], text?: string) => {
    const token = tokens[position];
    if (token?.kind !== kind || (text !== undefined && token.text !== text)) return false;
    position += 1;
    return true;
  };
  return {
    peekWord,
    acceptWord(...words) {
      const word = peekWord();
      if (word === undefined || !words.includes(word)) return undefined;
      position += 1;
      return word;
    },
    expectWord(...words) {
      const word = peekWord();
      if (word === undefined || !words.includes(word)) return unexpected(words.join(' or '));
      position += 1;
      return word;
    },
    readName,
    readTableName() {
      const first = readName('a table name');
      if (!acceptKind('symbol', '.')) return { database: null, table: first };
      return { database: first, table: readName('a table name after the database') };
    },
    acceptName() {
      const token = tokens[position];
      if (token?.kind !== 'word' && token?.kind !== 'identifier') return undefined;
      position += 1;
      return token.text;
    },
    acceptString: () => acceptKind('string'),
    expectString(what) {
      if (!acceptKind('string')) unexpected(what);
    },
    acceptNumber: () => acceptKind('number'),
    acceptSymbol: (symbol) => acceptKind('symbol', symbol),
    expectEnd() {
      acceptKind('symbol', ';');
      if (position < tokens.length) unexpected('the end of the statement');
    },
  };
}
