import { chartSpec } from './chart-spec.js';
import { resultToTable } from './result-to-table.js';
import { sortRows } from './sort-rows.js';

describe('resultToTable', () => {
  it('reads SQL results, arrays of objects and the first array of objects in an object', () => {
    expect(
      resultToTable({
        result: {
          columns: [
            { name: 'a', type: 'int' },
            { name: 'b', type: 'json' },
          ],
          rows: [[1, { x: 1 }]],
        },
      }),
    ).toEqual({
      columns: ['a', 'b'],
      rows: [[1, '{"x":1}']],
    });
    expect(
      resultToTable({
        result: [
          { key: 'a.csv', size: 3 },
          { key: 'b.csv', etag: 'e' },
        ],
      }),
    ).toEqual({
      columns: ['key', 'size', 'etag'],
      rows: [
        ['a.csv', 3, null],
        ['b.csv', null, 'e'],
      ],
    });
    expect(resultToTable({ result: { bucket: 'x', objects: [{ key: 'k' }], truncated: false } })?.rows).toEqual([
      ['k'],
    ]);
    expect(resultToTable({ result: { text: 'hello' } })).toBeUndefined();
    expect(resultToTable({ result: [] })).toBeUndefined();
  });
});

describe('chartSpec', () => {
  it('draws months as a line, sorted by date, with decimal strings as numbers', () => {
    const spec = chartSpec({
      table: {
        columns: ['month', 'revenue', 'customer_id'],
        rows: [
          ['2026-02', '120.50', 1],
          ['2026-01', '99.00', 2],
        ],
      },
    });
    expect(spec).toEqual({
      kind: 'line',
      labelColumn: 'month',
      valueColumns: ['revenue'],
      points: [
        { month: '2026-01', revenue: 99 },
        { month: '2026-02', revenue: 120.5 },
      ],
    });
  });

  it('draws categories as bars and declines single rows, text only or too many categories', () => {
    expect(
      chartSpec({
        table: {
          columns: ['status', 'count'],
          rows: [
            ['paid', 3],
            ['open', 1],
          ],
        },
      })?.kind,
    ).toBe('bar');
    expect(chartSpec({ table: { columns: ['status', 'count'], rows: [['paid', 3]] } })).toBeUndefined();
    expect(
      chartSpec({
        table: {
          columns: ['name', 'email'],
          rows: [
            ['a', 'b'],
            ['c', 'd'],
          ],
        },
      }),
    ).toBeUndefined();
    const many = Array.from({ length: 60 }, (_, index) => [`sku-${index}`, index]);
    expect(chartSpec({ table: { columns: ['sku', 'stock'], rows: many } })).toBeUndefined();
  });
});

describe('sortRows', () => {
  it('sorts numbers numerically (numeric strings too), text naturally and empty cells last', () => {
    const rows = [['10'], ['9'], [null], ['100'], ['']];
    expect(sortRows({ rows, columnIndex: 0, direction: 'ascending' }).map((row) => row[0])).toEqual([
      '9',
      '10',
      '100',
      null,
      '',
    ]);
    expect(
      sortRows({ rows, columnIndex: 0, direction: 'descending' })
        .slice(0, 3)
        .map((row) => row[0]),
    ).toEqual(['100', '10', '9']);
    expect(sortRows({ rows: [['file10'], ['file2']], columnIndex: 0, direction: 'ascending' })).toEqual([
      ['file2'],
      ['file10'],
    ]);
  });
});
