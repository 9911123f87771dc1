import { sortRows } from './compare-values.js';

const column = (rows: unknown[][]) => rows.map((row) => row[0]);

describe('sortRows', () => {
  it('sorts decimals and money by value, exactly, with empty cells last', () => {
    const rows = [['10.00'], ['9.5'], [null], ['100'], ['12345678901234567.89'], ['12345678901234567.88']];
    expect(column(sortRows({ rows, columnIndex: 0, kind: 'decimal', direction: 'ascending' }))).toEqual([
      '9.5',
      '10.00',
      '100',
      '12345678901234567.88',
      '12345678901234567.89',
      null,
    ]);
    expect(column(sortRows({ rows, columnIndex: 0, kind: 'decimal', direction: 'descending' })).at(-1)).toBeNull();
    const money = [
      [{ amount: '99.00', currency_code: 'EUR' }],
      [{ amount: '100.00', currency_code: 'EUR' }],
      [{ amount: '5.50', currency_code: 'EUR' }],
    ];
    expect(
      column(sortRows({ rows: money, columnIndex: 0, kind: 'money', direction: 'descending' })).map(
        (value) => (value as { amount: string }).amount,
      ),
    ).toEqual(['100.00', '99.00', '5.50']);
  });

  it('sorts instants by time whatever their offset, and text naturally', () => {
    const instants = [['2026-01-01T10:00:00+02:00'], ['2026-01-01T09:30:00Z'], ['2025-12-31T23:00:00-05:00']];
    // 04:00, 08:00 and 09:30 UTC: as text, 09:30Z would come before 10:00+02:00.
    expect(column(sortRows({ rows: instants, columnIndex: 0, kind: 'date-time', direction: 'ascending' }))).toEqual([
      '2025-12-31T23:00:00-05:00',
      '2026-01-01T10:00:00+02:00',
      '2026-01-01T09:30:00Z',
    ]);
    expect(
      column(sortRows({ rows: [['file10'], ['file2']], columnIndex: 0, kind: 'text', direction: 'ascending' })),
    ).toEqual(['file2', 'file10']);
    expect(
      column(sortRows({ rows: [[1_024], [12], [300]], columnIndex: 0, kind: 'bytes', direction: 'ascending' })),
    ).toEqual([12, 300, 1_024]);
  });
});
