import type { RunDiff, RunResult } from '../contracts/index.js';
import { compareValue, evaluateAlertCondition } from './evaluate-alert-condition.js';

const table = (columns: string[], rows: unknown[][], rowCount = rows.length): RunResult => ({
  columns,
  rows,
  row_count: rowCount,
  truncated: false,
  text: null,
});

const ok = (result: RunResult, diff: RunDiff | null = null) => ({ status: 'ok' as const, result, diff, error: null });

const emptyDiff: RunDiff = {
  added: 0,
  removed: 0,
  changed: 0,
  key: 'id',
  columns: ['id'],
  added_rows: [],
  removed_rows: [],
  changed_rows: [],
  truncated: false,
};

describe('compareValue', () => {
  it('compares numbers and numeric strings numerically, other text only by (in)equality', () => {
    expect(compareValue({ value: 9, operator: '<', expected: 10 })).toBe(true);
    expect(compareValue({ value: '9', operator: '<', expected: 10 })).toBe(true);
    expect(compareValue({ value: '10.0', operator: '==', expected: '10' })).toBe(true);
    expect(compareValue({ value: 'abc', operator: '<', expected: 10 })).toBe(false);
    expect(compareValue({ value: 'failed', operator: '==', expected: 'failed' })).toBe(true);
    expect(compareValue({ value: 'failed', operator: '!=', expected: 'ok' })).toBe(true);
    expect(compareValue({ value: 'b', operator: '>', expected: 'a' })).toBe(false);
    expect(compareValue({ value: null, operator: '!=', expected: 'x' })).toBe(false);
  });
});

describe('evaluateAlertCondition', () => {
  it('fires on the row count, using the source total when it is given', () => {
    const condition = { type: 'row_count' as const, operator: '>' as const, value: 10 };
    expect(evaluateAlertCondition({ condition, run: ok(table(['id'], [[1]], 12)), previous: null })).toMatchObject({
      fired: true,
      values: { row_count: 12 },
    });
    expect(evaluateAlertCondition({ condition, run: ok(table(['id'], [[1]], 3)), previous: null }).fired).toBe(false);
  });

  it('fires on a column in any row or in all rows, and names the matching values', () => {
    const result = table(
      ['sku', 'stock'],
      [
        ['a', 4],
        ['b', '12'],
        ['c', '7'],
      ],
    );
    const any = evaluateAlertCondition({
      condition: { type: 'column', column: 'stock', operator: '<', value: 10, match: 'any' },
      run: ok(result),
      previous: null,
    });
    expect(any).toMatchObject({ fired: true, values: { matched: [4, '7'], count: 2 } });
    if (any.fired) expect(any.message).toContain('2 rows where stock < 10');
    expect(
      evaluateAlertCondition({
        condition: { type: 'column', column: 'stock', operator: '<', value: 10, match: 'all' },
        run: ok(result),
        previous: null,
      }).fired,
    ).toBe(false);
    expect(
      evaluateAlertCondition({
        condition: { type: 'column', column: 'missing', operator: '<', value: 10, match: 'any' },
        run: ok(result),
        previous: null,
      }).fired,
    ).toBe(false);
  });

  it('fires on a change only against a previous run', () => {
    const condition = { type: 'changed' as const };
    const changed = { ...emptyDiff, added: 1, added_rows: [[3]] };
    expect(evaluateAlertCondition({ condition, run: ok(table(['id'], [[3]]), changed), previous: null }).fired).toBe(
      false,
    );
    expect(
      evaluateAlertCondition({ condition, run: ok(table(['id'], [[3]]), changed), previous: { result: null } }),
    ).toMatchObject({ fired: true, values: { added: 1 } });
    expect(
      evaluateAlertCondition({ condition, run: ok(table(['id'], [[3]]), emptyDiff), previous: { result: null } }).fired,
    ).toBe(false);
    const text = (value: string): RunResult => ({ ...table([], []), columns: null, rows: null, text: value });
    expect(
      evaluateAlertCondition({ condition, run: ok(text('7 orders')), previous: { result: text('6 orders') } }).fired,
    ).toBe(true);
  });

  it('fires on a failed run, which no other condition does', () => {
    const failed = {
      status: 'error' as const,
      result: null,
      diff: null,
      error: { code: 'datasource_unavailable', message: 'The source is down.' },
    };
    expect(evaluateAlertCondition({ condition: { type: 'failed' }, run: failed, previous: null })).toMatchObject({
      fired: true,
      message: 'The run failed: The source is down.',
    });
    expect(
      evaluateAlertCondition({
        condition: { type: 'row_count', operator: '>=', value: 0 },
        run: failed,
        previous: null,
      }).fired,
    ).toBe(false);
    expect(
      evaluateAlertCondition({ condition: { type: 'failed' }, run: ok(table(['id'], [])), previous: null }).fired,
    ).toBe(false);
  });
});
