import type { RunResult } from '../contracts/index.js';
import { runDiffSchema } from '../contracts/index.js';
import { chooseKeyColumn, diffResults } from './diff-run-results.js';

const table = (columns: string[], rows: unknown[][]): RunResult => ({
  columns,
  rows,
  row_count: rows.length,
  truncated: false,
  text: null,
});

const text = (answer: string): RunResult => ({
  columns: null,
  rows: null,
  row_count: null,
  truncated: false,
  text: answer,
});

describe('diffResults', () => {
  it('has nothing to compare on the first run', () => {
    expect(diffResults({ previous: null, current: table(['id'], [[1]]) })).toBeNull();
  });

  it('finds rows added, removed and changed by the id column', () => {
    const previous = table(
      ['id', 'name', 'stock'],
      [
        [1, 'Lamp', 4],
        [2, 'Desk', 9],
        [3, 'Chair', 2],
      ],
    );
    const current = table(
      ['id', 'name', 'stock'],
      [
        [1, 'Lamp', 4],
        [3, 'Chair', 7],
        [4, 'Rug', 1],
      ],
    );
    const diff = diffResults({ previous, current })!;
    expect(runDiffSchema.parse(diff)).toEqual(diff);
    expect(diff).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      key: 'id',
      columns: ['id', 'name', 'stock'],
      added_rows: [[4, 'Rug', 1]],
      removed_rows: [[2, 'Desk', 9]],
      changed_rows: [{ before: [3, 'Chair', 2], after: [3, 'Chair', 7] }],
      truncated: false,
    });
  });

  it('compares whole rows when no column identifies them, counting repeats', () => {
    const previous = table(
      ['status', 'n'],
      [
        ['open', 2],
        ['open', 2],
        ['done', 5],
      ],
    );
    const current = table(
      ['status', 'n'],
      [
        ['open', 2],
        ['done', 6],
        ['done', 6],
      ],
    );
    const diff = diffResults({ previous, current })!;
    expect(diff.key).toBeNull();
    expect([diff.added, diff.removed, diff.changed]).toEqual([2, 2, 0]);
    expect(diff.added_rows).toEqual([
      ['done', 6],
      ['done', 6],
    ]);
    expect(diff.removed_rows).toEqual([
      ['open', 2],
      ['done', 5],
    ]);
  });

  it('finds no change in the same rows in another order', () => {
    const rows = [
      ['a', 1],
      ['b', 2],
    ];
    const diff = diffResults({
      previous: table(['name', 'n'], rows),
      current: table(['name', 'n'], [...rows].reverse()),
    });
    expect(diff).toMatchObject({ added: 0, removed: 0, changed: 0, key: 'name' });
  });

  it('counts every kept row but lists at most 50 of each kind', () => {
    const previous = table(['id'], []);
    const current = table(
      ['id'],
      Array.from({ length: 120 }, (_, index) => [index]),
    );
    const diff = diffResults({ previous, current })!;
    expect(diff.added).toBe(120);
    expect(diff.added_rows).toHaveLength(50);
    expect(diff.truncated).toBe(true);
  });

  it('lines up columns by name when the query changed them', () => {
    const previous = table(['id', 'stock'], [[1, 4]]);
    const current = table(['id', 'name', 'stock'], [[1, 'Lamp', 4]]);
    const diff = diffResults({ previous, current })!;
    expect(diff.changed_rows).toEqual([{ before: [1, null, 4], after: [1, 'Lamp', 4] }]);
  });

  it('says whether an answer without a table changed, and gives up between a table and a text', () => {
    expect(diffResults({ previous: text('12 products'), current: text('12 products') })).toMatchObject({
      changed: 0,
      key: null,
    });
    expect(diffResults({ previous: text('12 products'), current: text('13 products') })).toMatchObject({ changed: 1 });
    expect(diffResults({ previous: text('12'), current: table(['id'], [[1]]) })).toBeNull();
  });
});

describe('chooseKeyColumn', () => {
  it('prefers id, then a column named like an id, then a unique first column', () => {
    expect(chooseKeyColumn({ columns: ['name', 'id'], rows: [[['a', 1]]] })).toBe(1);
    expect(chooseKeyColumn({ columns: ['name', 'customer_id'], rows: [[['a', 1]]] })).toBe(1);
    expect(chooseKeyColumn({ columns: ['name', 'orderId'], rows: [[['a', 1]]] })).toBe(1);
    expect(
      chooseKeyColumn({
        columns: ['sku', 'stock'],
        rows: [
          [
            ['a', 1],
            ['b', 1],
          ],
        ],
      }),
    ).toBe(0);
  });

  it('compares whole rows when the key repeats in either run', () => {
    expect(chooseKeyColumn({ columns: ['sku'], rows: [[['a']], [['a'], ['a']]] })).toBeNull();
    expect(
      chooseKeyColumn({
        columns: ['id', 'n'],
        rows: [
          [
            [1, 1],
            [1, 2],
          ],
        ],
      }),
    ).toBeNull();
  });
});
