import { ConnectorError } from '@connectormcp/connector-kit';
import type { SqlToken } from './lex-sql.js';
import { operatorSymbols } from './operator-symbols.js';

/**
 * Limits that keep the parser (node-sql-parser 5.4, a PEG parser that recurses per nesting level) well inside
 * its stack and near a tenth of a second. Measured on Node 24, on a busy two-core machine: 1,000 nested
 * parentheses overflow its stack (500 parse in 40 ms); 9,000 OR terms parse in about a second; an IN list of
 * 9,000 values (18,000 tokens) takes 1.4 s cold and 5,000 values (10,000 tokens) 0.3 s; 1,000 OR terms take
 * 0.1–0.4 s. Real queries stay far below every limit.
 */
export const statementComplexityLimits = {
  tokens: 10_000,
  nestingDepth: 100,
  expressionTerms: 1_000,
};

// Binary operators (these words and the operator symbols) and set operations: each one adds a level to the
// parser's expression tree.
const operatorWords = new Set([
  'AND',
  'OR',
  'XOR',
  'DIV',
  'MOD',
  'LIKE',
  'REGEXP',
  'RLIKE',
  'UNION',
  'INTERSECT',
  'EXCEPT',
]);

export function tooComplex(reason: string): never {
  throw new ConnectorError({
    code: 'INVALID_INPUT',
    message: `The statement is too complex to check: ${reason}. Simplify it (fewer nested parentheses or subqueries, fewer OR/AND terms, a shorter IN list) or split it into several queries.`,
  });
}

/** Refuses, before any parser sees it, a statement whose size or depth the parser cannot take. */
export function assertStatementComplexity({ tokens }: { tokens: SqlToken[] }): void {
  const limits = statementComplexityLimits;
  if (tokens.length > limits.tokens) tooComplex(`${tokens.length} tokens (at most ${limits.tokens})`);
  let depth = 0;
  let terms = 0;
  for (const token of tokens) {
    const word = token.kind === 'word' ? token.text.toUpperCase() : undefined;
    if (token.kind === 'symbol') {
      if (token.text === '(') depth += 1;
      else if (token.text === ')') depth = Math.max(0, depth - 1);
      else if (operatorSymbols.has(token.text)) terms += 1;
    } else if (word === 'CASE') {
      depth += 1;
    } else if (word === 'END') {
      depth = Math.max(0, depth - 1);
    } else if (word && operatorWords.has(word)) {
      terms += 1;
    }
    if (depth > limits.nestingDepth) tooComplex(`it nests deeper than ${limits.nestingDepth} levels`);
    if (terms > limits.expressionTerms) tooComplex(`more than ${limits.expressionTerms} operators`);
  }
}
