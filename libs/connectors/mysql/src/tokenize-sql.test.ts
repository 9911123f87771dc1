import { tokenizeSql } from './tokenize-sql.js';

describe('tokenizeSql', () => {
  it('unescapes quoted identifiers and strings and drops comments', () => {
    expect(tokenizeSql({ sql: "SHOW /* c */ COLUMNS FROM `we``ird`.t -- x\n LIKE 'it''s' # y" })).toEqual([
      { kind: 'word', text: 'SHOW' },
      { kind: 'word', text: 'COLUMNS' },
      { kind: 'word', text: 'FROM' },
      { kind: 'identifier', text: 'we`ird' },
      { kind: 'symbol', text: '.' },
      { kind: 'word', text: 't' },
      { kind: 'word', text: 'LIKE' },
      { kind: 'string', text: "it's" },
    ]);
  });

  it('keeps the case of bare names and reads numbers and symbols', () => {
    expect(tokenizeSql({ sql: 'SHOW WARNINGS LIMIT 5, 10;' })?.map((token) => token.text)).toEqual([
      'SHOW',
      'WARNINGS',
      'LIMIT',
      '5',
      ',',
      '10',
      ';',
    ]);
    expect(tokenizeSql({ sql: 'DESC Orders' })?.[1]).toEqual({ kind: 'word', text: 'Orders' });
  });

  it('gives up on unterminated quotes and comments', () => {
    expect(tokenizeSql({ sql: "SHOW TABLES LIKE 'x" })).toBeUndefined();
    expect(tokenizeSql({ sql: 'SHOW /* TABLES' })).toBeUndefined();
  });
});
