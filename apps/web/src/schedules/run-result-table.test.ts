import { columnKindOfValues, runResultTable } from './run-result-table.js';

describe('runResultTable', () => {
  it('types each column by its values, with labels in words', () => {
    const table = runResultTable({
      columns: ['id', 'unit_price', 'created_at', 'day', 'title', 'score', 'meta'],
      rows: [
        [1, '19.99', '2026-11-29T07:00:00Z', '2026-11-29', 'Mug', 1.5, { a: 1 }],
        [2, null, '2026-11-28T07:00:00Z', '2026-11-28', 'Kettle', 2, null],
      ],
    });
    expect(table.columns.map((column) => [column.label, column.kind])).toEqual([
      ['Id', 'integer'],
      ['Unit price', 'decimal'],
      ['Created at', 'date-time'],
      ['Day', 'date'],
      ['Title', 'text'],
      ['Score', 'number'],
      ['Meta', 'json'],
    ]);
    expect(table.rows).toHaveLength(2);
  });

  it('calls a column of mixed or missing values text', () => {
    expect(columnKindOfValues({ values: [1, 'two'] })).toBe('json');
    expect(columnKindOfValues({ values: [null, undefined] })).toBe('text');
    expect(columnKindOfValues({ values: [true, false] })).toBe('boolean');
  });
});
