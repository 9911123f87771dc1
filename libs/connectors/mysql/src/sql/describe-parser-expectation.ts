import { closestKeyword } from './closest-keyword.js';
import type { SqlToken } from './lex-sql.js';
import { operatorSymbols } from './operator-symbols.js';
import type { ParserExpectation } from './parse-sql.js';

// Clause keywords worth naming, in the order a statement uses them.
const clauseKeywords = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'BY',
  'LIMIT',
  'OFFSET',
  'AS',
  'ON',
  'USING',
  'JOIN',
  'UNION',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
];
const keywordNames: Record<string, string> = { GROUP: 'GROUP BY', ORDER: 'ORDER BY' };
// Words and symbols that continue an expression: summed up as "an operator" rather than listed.
const operators = new Set([
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'IS',
  'LIKE',
  'BETWEEN',
  'REGEXP',
  'RLIKE',
  'DIV',
  'MOD',
  'COLLATE',
  // The parser's grammar has no `<=>`, so it never expects it: sharing the lexer's full list changes nothing.
  ...operatorSymbols,
]);
// Where the grammar expects one of these, a value or an expression may start.
const expressionStarts = ['CASE', 'NULL', 'CAST', 'EXISTS'];
const listedSymbols = [')', ',', '('];

// Signs may start a number as well as continue an expression: they alone do not make "an operator".
const signs = new Set(['+', '-']);
// Characters that look like spaces or nothing, but that the server reads as part of a name.
const invisibleCharacter = /[\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** A note on a word that holds an invisible character, which is why it reads as a name. */
export function invisibleCharacterNote({ token }: { token: SqlToken | undefined }): string {
  const character = token ? invisibleCharacter.exec(token.text)?.[0] : undefined;
  if (!character) return '';
  const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return ` ('${token!.text}' holds U+${code}, which looks like a space but is part of a name to the server)`;
}

function isDigitClass(item: ParserExpectation): boolean {
  const parts = (item as { parts?: unknown[] }).parts;
  return item.type === 'class' && JSON.stringify(parts) === '[["0","9"]]';
}

/** `a, b or c`. */
function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * What the parser expected where it stopped, in a few plain words instead of its full list (dozens of
 * literals, character classes and comment openers): a value or expression, the clause keywords it would
 * take, a closing parenthesis, the end of the statement. A misspelt keyword at that place is named.
 */
export function describeParserExpectation({
  expected,
  found,
}: {
  expected: ParserExpectation[];
  /** The token where the parser stopped; none at the end of the statement. */
  found: SqlToken | undefined;
}): string {
  const literals = new Set(
    expected.filter((item) => item.type === 'literal' && item.text).map((item) => item.text!.toUpperCase()),
  );
  const typo = found?.kind === 'word' ? closestKeyword({ word: found.text, keywords: clauseKeywords }) : undefined;
  const suggestion = `${typo ? ` (did you mean ${keywordNames[typo] ?? typo}?)` : ''}${invisibleCharacterNote({ token: found })}`;
  if (expressionStarts.some((word) => literals.has(word))) {
    return `expected a value, a column name or an expression${found ? '' : ': the statement ends too early'}${suggestion}`;
  }
  const keywords = clauseKeywords.filter((word) => literals.has(word)).map((word) => keywordNames[word] ?? word);
  const symbols = listedSymbols.filter((symbol) => literals.has(symbol)).map((symbol) => `'${symbol}'`);
  const items = [...keywords, ...symbols];
  if (expected.some(isDigitClass) && !literals.has('(')) items.unshift('a number');
  if ([...literals].some((literal) => operators.has(literal) && !signs.has(literal))) items.push('an operator');
  if (expected.some((item) => item.type === 'end')) items.push('the end of the statement');
  const seen = found ? `${found.kind === 'string' ? 'a string' : `'${found.text}'`}` : 'the end of the statement';
  if (items.length === 0) return `${seen} does not fit here${suggestion}`;
  return `expected ${listInWords(items)}, not ${seen}${suggestion}`;
}
