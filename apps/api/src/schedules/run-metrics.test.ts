import type { RunResult } from '../contracts/index.js';
import { resultMetrics } from './run-metrics.js';

const table = (columns: string[], rows: unknown[][], rowCount = rows.length): RunResult => ({
  columns,
  rows,
  row_count: rowCount,
  truncated: false,
  text: null,
});

describe('resultMetrics', () => {
  it('charts each numeric column of a one-row result, numeric strings too', () => {
    expect(
      resultMetrics({
        result: table(['orders', 'revenue', 'label', 'ratio', 'missing'], [[600, '12345.50', 'today', '-1e-3', null]]),
      }),
    ).toEqual({ row_count: 1, orders: 600, revenue: 12345.5, ratio: -0.001 });
  });

  it('charts only the row count of a longer result, and nothing for a text', () => {
    expect(
      resultMetrics({
        result: table(
          ['id', 'n'],
          [
            [1, 2],
            [2, 3],
          ],
        ),
      }),
    ).toEqual({ row_count: 2 });
    // One row kept of many: not a one-row result.
    expect(resultMetrics({ result: table(['n'], [[5]], 40) })).toEqual({ row_count: 40 });
    expect(
      resultMetrics({ result: { columns: null, rows: null, row_count: null, truncated: false, text: '12' } }),
    ).toEqual({});
    expect(resultMetrics({ result: null })).toEqual({});
  });

  it('ignores values that only look like numbers, and keeps row_count the row count', () => {
    expect(resultMetrics({ result: table(['code', 'row_count', 'inf'], [['12a', 99, Infinity]]) })).toEqual({
      row_count: 1,
    });
  });
});
