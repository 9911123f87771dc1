import { assertPlaceholdersAgree } from './assert-placeholders-agree.js';
import { lexSql } from './lex-sql.js';

const check = (sql: string) => () => assertPlaceholdersAgree({ sql, tokens: lexSql({ sql }) });

describe('assertPlaceholdersAgree', () => {
  it.each([
    "SELECT 'a?b', ? AS x",
    String.raw`SELECT 'it\'s?', "?", ` + '`?`, ? FROM t WHERE a = ? /* ? */ -- ?\n',
    'SELECT 1--?',
    "SELECT 1 # ?\n, N'?', ?",
    'SELECT 1',
  ])('accepts %j: the driver fills exactly the placeholders the lexer saw', (sql) => {
    expect(check(sql)).not.toThrow();
  });

  it.each(['SELECT * FROM ??', 'SELECT ?? FROM orders', 'SELECT ???'])('refuses %j', (sql) => {
    expect(check(sql)).toThrow(/placeholders are ambiguous/);
  });
});
