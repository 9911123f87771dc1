import { lexSql, type SqlToken } from './lex-sql.js';

const lex = (sql: string) => lexSql({ sql });
const texts = (sql: string) => lex(sql).map((token) => token.text);
const kinds = (sql: string) => lex(sql).map((token: SqlToken) => `${token.kind}:${token.text}`);

describe('lexSql', () => {
  it('unescapes quoted names and strings and drops comments', () => {
    expect(kinds("SHOW /* c */ COLUMNS FROM `we``ird`.t -- x\n LIKE 'it''s' # y")).toEqual([
      'word:SHOW',
      'word:COLUMNS',
      'word:FROM',
      'identifier:we`ird',
      'symbol:.',
      'word:t',
      'word:LIKE',
      "string:it's",
    ]);
  });

  it('reads strings as the pinned sql_mode does: "…" is a string and a backslash escapes', () => {
    expect(kinds(String.raw`SELECT '\' UNION SELECT 1 -- '`)).toEqual(['word:SELECT', "string:' UNION SELECT 1 -- "]);
    expect(kinds('SELECT "mysql"."user"')).toEqual(['word:SELECT', 'string:mysql', 'symbol:.', 'string:user']);
    expect(lex(String.raw`SELECT 'a\nb', "x\"y", 'p\%'`).map((token) => token.text)).toEqual([
      'SELECT',
      'a\nb',
      ',',
      'x"y',
      ',',
      String.raw`p\%`,
    ]);
    expect(kinds('SELECT a || b')).toEqual(['word:SELECT', 'word:a', 'symbol:||', 'word:b']);
  });

  it('starts a -- comment only before whitespace or a control character, as the server does', () => {
    expect(texts('SELECT 1--1 FROM t')).toEqual(['SELECT', '1', '-', '-', '1', 'FROM', 't']);
    expect(texts('SELECT 1 --\tx\nFROM t')).toEqual(['SELECT', '1', 'FROM', 't']);
    expect(texts('SELECT 1 --')).toEqual(['SELECT', '1']);
    expect(texts('SELECT 1 #x\n, 2')).toEqual(['SELECT', '1', ',', '2']);
  });

  it('reads numbers, literals, introducers, variables and operators', () => {
    expect(kinds("SELECT 0x1F, 0b01, X'4a', b'10', 1.5e3, .5, 1e-2, 12abc, t.1e5, _utf8mb4'x', N'y', \\N, ?")).toEqual([
      'word:SELECT',
      'number:0x1F',
      'symbol:,',
      'number:0b01',
      'symbol:,',
      "number:X'4a'",
      'symbol:,',
      "number:b'10'",
      'symbol:,',
      'number:1.5e3',
      'symbol:,',
      'number:.5',
      'symbol:,',
      'number:1e-2',
      'symbol:,',
      'word:12abc',
      'symbol:,',
      'word:t',
      'symbol:.',
      'word:1e5',
      'symbol:,',
      'word:_utf8mb4',
      'string:x',
      'symbol:,',
      'string:y',
      'symbol:,',
      'word:NULL',
      'symbol:,',
      'symbol:?',
    ]);
    expect(kinds("SELECT @a.b, @'x y', @`z`, @@session.sql_mode, a<=>b, c:=1")).toEqual([
      'word:SELECT',
      'variable:@a.b',
      'symbol:,',
      'variable:@x y',
      'symbol:,',
      'variable:@z',
      'symbol:,',
      'variable:@@session',
      'symbol:.',
      'word:sql_mode',
      'symbol:,',
      'word:a',
      'symbol:<=>',
      'word:b',
      'symbol:,',
      'word:c',
      'symbol::=',
      'number:1',
    ]);
  });

  it('reads characters beyond ASCII as part of names, as the server does', () => {
    expect(kinds('SELECT\u00a0*')).toEqual(['word:SELECT\u00a0', 'symbol:*']);
    expect(kinds('SELECT 1;\u200bDROP')).toEqual(['word:SELECT', 'number:1', 'symbol:;', 'word:\u200bDROP']);
  });

  it('gives every token a canonical form no parser can read another way', () => {
    expect(lex(String.raw`SELECT 'it''s \\ \' x', "q", ` + '`a``b`').map((token) => token.canonical)).toEqual([
      'SELECT',
      String.raw`'it''s \\ '' x'`,
      ',',
      "'q'",
      ',',
      '`a``b`',
    ]);
  });

  it.each([
    ["SHOW TABLES LIKE 'x", /near ''x' at line 1: expected a closing ' to end the string/],
    ['SELECT "x', /near '"x' at line 1: expected a closing " to end the string/],
    ['SELECT `x', /near '`x' at line 1: expected a closing ` to end the quoted name/],
    ["SELECT 'x\\'", /expected a closing ' to end the string/],
    ['SHOW /* TABLES', /near '\/\* TABLES' at line 1: expected a closing \*\/ to end the comment/],
    ['SELECT /*! 1 */', /executable comments/],
    ['SELECT /*M!100000 1 */', /executable comments/],
    ['SELECT /*m!100000 1 */', /executable comments/],
    ['SELECT /*+ BKA(t) */ 1', /optimizer hints/],
    ['SELECT 1\u0000', /NUL/],
    ['SELECT [1]', /near '\[1\]' at line 1: expected a character SQL uses here, not "\[" \(U\+005B\)/],
    ['SELECT \u0001', /expected a character SQL uses here, not "\\u0001" \(U\+0001\)/],
    ["SELECT X'zz'", /near 'X'zz'' at line 1: expected only hexadecimal digits/],
  ])('refuses %j', (sql, message) => {
    expect(() => lex(sql)).toThrow(message);
  });
});
