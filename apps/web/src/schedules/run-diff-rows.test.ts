import { diffCountsText, runDiffRows } from './run-diff-rows.js';
import { runDetail } from './schedule-test-data.js';

describe('runDiffRows', () => {
  it('lists added, then changed with the cells that differ, then removed', () => {
    const rows = runDiffRows({ diff: runDetail().diff_detail! });
    expect(rows.map((row) => row.change)).toEqual(['added', 'changed', 'removed']);
    expect(rows[1]!.cells).toEqual([1, 'Blue mug', 4]);
    expect(rows[1]!.before).toEqual([
      { changed: false, value: 1 },
      { changed: false, value: 'Blue mug' },
      { changed: true, value: 7 },
    ]);
    expect(rows[2]!.cells).toEqual([2, 'Green plate', 9]);
  });
});

describe('diffCountsText', () => {
  it('names only the kinds of change there were', () => {
    expect(diffCountsText({ added: 2, removed: 0, changed: 1 })).toBe('2 added, 1 changed');
    expect(diffCountsText({ added: 0, removed: 0, changed: 0 })).toBe('No change');
  });
});
