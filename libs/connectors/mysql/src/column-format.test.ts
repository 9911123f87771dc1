import { columnFormat } from './column-format.js';

describe('columnFormat', () => {
  it.each([
    ['NEWDECIMAL', 'decimal'],
    ['LONGLONG', 'decimal'],
    ['TIMESTAMP', 'date-time'],
    ['DATETIME', 'date-time'],
    ['DATE', 'date'],
    ['LONG', undefined],
    ['DOUBLE', undefined],
    ['VAR_STRING', undefined],
    ['TIME', undefined],
    ['JSON', undefined],
  ])('reads %s as %s', (typeName, format) => {
    expect(columnFormat({ typeName })).toBe(format);
  });
});
