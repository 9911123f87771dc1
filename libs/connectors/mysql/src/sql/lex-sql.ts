import { ConnectorError } from '@connectormcp/connector-kit';
import { sqlSyntaxError } from './sql-syntax-error.js';

export type SqlTokenKind = 'word' | 'identifier' | 'string' | 'number' | 'variable' | 'symbol';

export interface SqlToken {
  kind: SqlTokenKind;
  /**
   * Words, numbers, variables and symbols as written; quoted identifiers and strings unescaped, without their
   * quotes (what the server reads them as).
   */
  text: string;
  /** The text a parser is given for this token: canonical quoting, so no parser can read it another way. */
  canonical: string;
  /** Where the token starts in the statement's text (0-based), for error messages that point at it. */
  start: number;
}

// Longest first: the server reads operators greedily.
const operators = ['<=>', '->>', '<<', '>>', '<=', '>=', '<>', '!=', ':=', '||', '&&', '->'];
const singleSymbols = new Set([...'(),;.+-*/%=<>!~^&|?:{}']);

type UnplacedToken = Omit<SqlToken, 'start'>;

function notSql({ sql, at, expected }: { sql: string; at: number; expected: string }): never {
  throw sqlSyntaxError({ sql, at, expected });
}

/** Text the server would run but the connector cannot check: refused by rule, not as a syntax error. */
function notAllowed(message: string): never {
  throw new ConnectorError({ code: 'ACCESS_DENIED', message: `statement not allowed: ${message}` });
}

/** The server's whitespace: ASCII only (a no-break space is part of a name, as the server reads it). */
function isSpace(character: string | undefined): boolean {
  return (
    character === ' ' ||
    character === '\t' ||
    character === '\n' ||
    character === '\r' ||
    character === '\v' ||
    character === '\f'
  );
}

function isControl(character: string | undefined): boolean {
  if (character === undefined) return true;
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Characters of a bare name: ASCII letters, digits, `_`, `$`, and anything beyond ASCII. */
function isNameCharacter(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x5f || // _
    code === 0x24 || // $
    code >= 0x80
  );
}

function quoteString(text: string): string {
  // Doubled quotes and doubled backslashes read the same to a parser that knows backslash escapes and to one
  // that does not, so the parser sees exactly the string the server does.
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function quoteIdentifier(text: string): string {
  return `\`${text.replace(/`/g, '``')}\``;
}

const escapes: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/**
 * Reads a quoted string or identifier starting at `start`. Strings take backslash escapes and doubled quotes;
 * identifiers only doubled backquotes. Returns the unescaped text and the index after the closing quote.
 */
function readQuoted({ sql, start, quote }: { sql: string; start: number; quote: string }) {
  let text = '';
  let cursor = start + 1;
  while (cursor < sql.length) {
    const character = sql[cursor]!;
    if (character === '\\' && quote !== '`') {
      const escaped = sql[cursor + 1];
      if (escaped === undefined) break;
      // \% and \_ keep their backslash (they mean a literal % or _ in LIKE patterns).
      text += escaped === '%' || escaped === '_' ? `\\${escaped}` : (escapes[escaped] ?? escaped);
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
  return notSql({
    sql,
    at: start,
    expected:
      quote === '`'
        ? 'expected a closing ` to end the quoted name that starts here'
        : `expected a closing ${quote} to end the string that starts here`,
  });
}

const digitsPattern = /[0-9]*/y;
const exponentPattern = /[0-9]+[eE][+-]?[0-9]+/y;
const numberPattern = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;

/** Matches a sticky pattern at `start` without copying the rest of the statement. */
function matchAt({ pattern, sql, start }: { pattern: RegExp; sql: string; start: number }): string | undefined {
  pattern.lastIndex = start;
  return pattern.exec(sql)?.[0];
}

/** `0x…`/`0b…` or digits, a fraction and an exponent; a run of digits followed by name characters is a name. */
function readNumberOrName({ sql, start }: { sql: string; start: number }): { token: UnplacedToken; end: number } {
  let end = start;
  while (isNameCharacter(sql[end])) end += 1;
  const run = sql.slice(start, end);
  if (/^0x[0-9a-fA-F]+$/.test(run) || /^0b[01]+$/.test(run)) {
    return { token: { kind: 'number', text: run, canonical: run }, end };
  }
  const digits = matchAt({ pattern: digitsPattern, sql, start }) ?? '';
  const after = sql[start + digits.length];
  if (digits.length > 0 && isNameCharacter(after)) {
    // 1e5 and 1e-5 are numbers even when a name follows; 12abc is a name (names may start with digits).
    const exponent = matchAt({ pattern: exponentPattern, sql, start });
    if ((after === 'e' || after === 'E') && exponent) {
      return { token: { kind: 'number', text: exponent, canonical: exponent }, end: start + exponent.length };
    }
    return { token: { kind: 'word', text: run, canonical: run }, end };
  }
  const number = matchAt({ pattern: numberPattern, sql, start })!;
  return { token: { kind: 'number', text: number, canonical: number }, end: start + number.length };
}

/**
 * The one reading of SQL text in the connector, the server's reading in the session's pinned sql_mode
 * (pinned-sql-mode.ts): no ANSI_QUOTES, so "…" is a string; no NO_BACKSLASH_ESCAPES, so a backslash escapes
 * the next character in a string; `--` starts a comment only before whitespace or a control character.
 * Comments are dropped. Executable comments (`/*! … *\/`, `/*M! … *\/`) and optimizer hints (`/*+ … *\/`),
 * which the server runs, are refused, as are unterminated strings, names and comments, NUL characters and
 * characters that are not SQL. Every check of the guards works on these tokens.
 */
export function lexSql({ sql }: { sql: string }): SqlToken[] {
  const tokens: SqlToken[] = [];
  let index = 0;
  // Every token is pushed before `index` moves past it, so `index` is where it starts.
  const push = (token: UnplacedToken) => tokens.push({ ...token, start: index });
  const nul = sql.indexOf('\0');
  if (nul !== -1) notSql({ sql, at: nul, expected: 'expected no NUL character (\\0) in the text of a statement' });
  while (index < sql.length) {
    const character = sql[index]!;
    const next = sql[index + 1];
    if (isSpace(character)) {
      index += 1;
    } else if (character === '/' && next === '*') {
      const marker = sql[index + 2];
      // MariaDB reads /*M!; /*m! is refused too rather than trusted to be a plain comment.
      if (marker === '!' || ((marker === 'M' || marker === 'm') && sql[index + 3] === '!')) {
        notAllowed(
          'executable comments (/*! … */, /*M! … */) are refused: the server runs their contents, which parsers skip.',
        );
      }
      if (marker === '+')
        notAllowed('optimizer hints (/*+ … */) are refused: the server acts on them, parsers skip them.');
      const end = sql.indexOf('*/', index + 2);
      if (end === -1) notSql({ sql, at: index, expected: 'expected a closing */ to end the comment that starts here' });
      index = end + 2;
    } else if (
      character === '#' ||
      (character === '-' && next === '-' && (isSpace(sql[index + 2]) || isControl(sql[index + 2])))
    ) {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (character === "'" || character === '"') {
      const quoted = readQuoted({ sql, start: index, quote: character });
      push({ kind: 'string', text: quoted.text, canonical: quoteString(quoted.text) });
      index = quoted.end;
    } else if (character === '`') {
      const quoted = readQuoted({ sql, start: index, quote: character });
      push({ kind: 'identifier', text: quoted.text, canonical: quoteIdentifier(quoted.text) });
      index = quoted.end;
    } else if (/[xXbB]/.test(character) && next === "'") {
      // X'4A' and B'101': hexadecimal and bit literals, no escapes inside.
      const end = sql.indexOf("'", index + 2);
      if (end === -1) notSql({ sql, at: index, expected: `expected a closing ' to end the ${character}'…' literal` });
      const digits = sql.slice(index + 2, end);
      if (!(/[xX]/.test(character) ? /^[0-9a-fA-F]*$/ : /^[01]*$/).test(digits)) {
        notSql({
          sql,
          at: index,
          expected: `expected only ${/[xX]/.test(character) ? 'hexadecimal' : 'binary'} digits inside ${character}'…'`,
        });
      }
      const text = sql.slice(index, end + 1);
      push({ kind: 'number', text, canonical: text });
      index = end + 1;
    } else if ((character === 'N' || character === 'n') && next === "'") {
      // N'…': a national character set string, read like any other string.
      const quoted = readQuoted({ sql, start: index + 1, quote: "'" });
      push({ kind: 'string', text: quoted.text, canonical: `N${quoteString(quoted.text)}` });
      index = quoted.end;
    } else if (character === '\\' && next === 'N') {
      // \N is NULL to the server.
      push({ kind: 'word', text: 'NULL', canonical: 'NULL' });
      index += 2;
    } else if (isNameCharacter(character) && tokens.at(-1)?.text === '.' && isNameToken(tokens.at(-2))) {
      // After `name.` the server reads a name, even one that starts with digits (t.1e5 is column 1e5 of t).
      let end = index;
      while (isNameCharacter(sql[end])) end += 1;
      const text = sql.slice(index, end);
      push({ kind: 'word', text, canonical: text });
      index = end;
    } else if (
      /[0-9]/.test(character) ||
      (character === '.' && /[0-9]/.test(next ?? '') && !isNameToken(tokens.at(-1)))
    ) {
      const { token, end } = readNumberOrName({ sql, start: index });
      push(token);
      index = end;
    } else if (isNameCharacter(character)) {
      let end = index;
      while (isNameCharacter(sql[end])) end += 1;
      const text = sql.slice(index, end);
      push({ kind: 'word', text, canonical: text });
      index = end;
    } else if (character === '@') {
      index = readVariable({ sql, start: index, push });
    } else {
      const operator = operators.find((candidate) => sql.startsWith(candidate, index));
      if (operator) {
        push({ kind: 'symbol', text: operator, canonical: operator });
        index += operator.length;
      } else if (singleSymbols.has(character)) {
        push({ kind: 'symbol', text: character, canonical: character });
        index += 1;
      } else {
        notSql({
          sql,
          at: index,
          expected: `expected a character SQL uses here, not ${JSON.stringify(character)} (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
        });
      }
    }
  }
  return tokens;
}

function isNameToken(token: SqlToken | undefined): boolean {
  return token?.kind === 'word' || token?.kind === 'identifier';
}

/** `@name`, `@'name'`, `@"name"`, `` @`name` `` (user variables) and `@@name` (system variables). */
function readVariable({
  sql,
  start,
  push,
}: {
  sql: string;
  start: number;
  push: (token: UnplacedToken) => void;
}): number {
  const system = sql[start + 1] === '@';
  const nameStart = start + (system ? 2 : 1);
  const quote = sql[nameStart];
  if (!system && (quote === "'" || quote === '"' || quote === '`')) {
    const quoted = readQuoted({ sql, start: nameStart, quote });
    push({ kind: 'variable', text: `@${quoted.text}`, canonical: `@${quoteIdentifier(quoted.text)}` });
    return quoted.end;
  }
  let end = nameStart;
  // User variable names may hold dots; a system variable's scope (@@session.x) is read as name . name.
  while (isNameCharacter(sql[end]) || (!system && sql[end] === '.')) end += 1;
  if (end === nameStart) {
    push({ kind: 'symbol', text: '@', canonical: '@' });
    return start + 1;
  }
  const text = sql.slice(start, end);
  push({ kind: 'variable', text, canonical: text });
  return end;
}
