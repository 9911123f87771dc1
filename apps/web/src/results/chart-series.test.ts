import { assignAxes, chartColumns, chartData, defaultChartChoice, timeTickFormatter } from './chart-series.js';
import type { TypedTable } from './typed-table.js';

const orders: TypedTable = {
  name: 'orders',
  columns: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'created_at', label: 'Created at', kind: 'date-time' },
    { key: 'total', label: 'Total', kind: 'money' },
    { key: 'item_count', label: 'Item count', kind: 'integer' },
    { key: 'customer_id', label: 'Customer id', kind: 'integer' },
  ],
  rows: [
    ['#1002', '2026-01-06T09:00:00Z', { amount: '2600.00', currency_code: 'EUR' }, 10, 7],
    ['#1001', '2026-01-05T09:00:00Z', { amount: '500.00', currency_code: 'EUR' }, 2, 8],
    ['#1003', '2026-01-07T09:00:00Z', { amount: '1200.50', currency_code: 'EUR' }, 5, 9],
  ],
};

describe('chart series', () => {
  it('gives series more than 10× apart their own axis', () => {
    expect(
      assignAxes({
        series: [
          { key: 'revenue', values: [500, 2_600] },
          { key: 'items', values: [2, 10] },
          { key: 'refunds', values: [300, null] },
        ],
      }),
    ).toEqual({ revenue: 'left', items: 'right', refunds: 'left' });
    expect(
      assignAxes({
        series: [
          { key: 'a', values: [1, 9] },
          { key: 'b', values: [10, 50] },
        ],
      }),
    ).toEqual({
      a: 'left',
      b: 'left',
    });
  });

  it('offers only numbers, decimals and money as y, and starts with dates along a time axis', () => {
    const { y } = chartColumns({ table: orders });
    expect(y.map((column) => column.key)).toEqual(['total', 'item_count', 'customer_id']);
    const choice = defaultChartChoice({ table: orders });
    expect(choice).toEqual({ type: 'line', xKey: 'created_at', yKeys: ['total', 'item_count'] });
    const data = chartData({ table: orders, choice: choice! })!;
    expect(data.xScale).toBe('time');
    expect(data.points.map((point) => point.created_at)).toEqual([
      Date.parse('2026-01-05T09:00:00Z'),
      Date.parse('2026-01-06T09:00:00Z'),
      Date.parse('2026-01-07T09:00:00Z'),
    ]);
    expect(data.points.map((point) => point.total)).toEqual([500, 2600, 1200.5]);
    expect(data.series).toEqual([
      { key: 'total', label: 'Total', kind: 'money', axis: 'left', currency: 'EUR' },
      { key: 'item_count', label: 'Item count', kind: 'integer', axis: 'right' },
    ]);
  });

  it('labels a time axis with days in the locale, never millisecond timestamps', () => {
    const day = timeTickFormatter({ kind: 'date', spanMilliseconds: 30 * 86_400_000, locale: 'en-US' });
    expect(day(Date.parse('2026-01-05T00:00:00Z'))).toBe('Jan 5');
    const hours = timeTickFormatter({
      kind: 'date-time',
      spanMilliseconds: 3_600_000,
      locale: 'en-US',
      timeZone: 'UTC',
    });
    expect(hours(Date.parse('2026-01-05T14:30:00Z'))).toBe('Jan 5, 2:30 PM');
  });

  it('plots categories as bars and declines a single row or a table without numbers', () => {
    const statuses: TypedTable = {
      name: 'rows',
      columns: [
        { key: 'status', label: 'status', kind: 'text' },
        { key: 'count', label: 'count', kind: 'integer' },
      ],
      rows: [
        ['paid', 3],
        ['open', 1],
      ],
    };
    expect(defaultChartChoice({ table: statuses })).toEqual({ type: 'bar', xKey: 'status', yKeys: ['count'] });
    expect(defaultChartChoice({ table: { ...statuses, rows: [['paid', 3]] } })).toBeUndefined();
    expect(
      defaultChartChoice({
        table: { ...statuses, columns: [statuses.columns[0]!, { key: 'note', label: 'note', kind: 'text' }] },
      }),
    ).toBeUndefined();
  });
});
