import { assertStatementComplexity, statementComplexityLimits } from './assert-statement-complexity.js';
import { lexSql } from './lex-sql.js';

const check = (sql: string) => () => assertStatementComplexity({ tokens: lexSql({ sql }) });
const orTerms = (count: number) => `SELECT * FROM orders WHERE ${'a OR '.repeat(count - 1)}a`;
const nested = (depth: number) => `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)}`;

describe('assertStatementComplexity', () => {
  it('accepts statements up to the limits', () => {
    expect(check(orTerms(statementComplexityLimits.expressionTerms / 2))).not.toThrow();
    expect(check(nested(statementComplexityLimits.nestingDepth))).not.toThrow();
    expect(
      check(`SELECT * FROM orders WHERE id IN (${Array.from({ length: 4900 }, (_, index) => index)})`),
    ).not.toThrow();
  });

  it.each([
    ['1,500 OR terms', orTerms(1500), /more than 1000 operators/],
    ['9,000 OR terms', orTerms(9000), /too complex/],
    ['500 nested parentheses', nested(500), /nests deeper than 100 levels/],
    ['5,000 nested parentheses', nested(5000), /too complex/],
    ['nested CASE expressions', `SELECT ${'CASE WHEN 1 THEN '.repeat(150)}1${' END'.repeat(150)}`, /nests deeper/],
    ['60,000 additions', `SELECT ${'1+'.repeat(60_000)}1`, /tokens \(at most 10000\)/],
  ])('refuses %s as too complex, as INVALID_INPUT', (_, sql, message) => {
    expect(check(sql)).toThrow(message);
    expect(check(sql)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
