import type { RunDiff } from './schedule-types.js';

export type DiffChange = 'added' | 'removed' | 'changed';

export interface DiffRow {
  change: DiffChange;
  /** The row as it is now (for a removed row: as it was). */
  cells: unknown[];
  /** For a changed row, the value each cell had before, where it differs. */
  before: Array<{ changed: boolean; value: unknown }> | null;
}

const sameValue = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** The diff's rows in one list: added, then changed (with which cells differ), then removed. */
export function runDiffRows({ diff }: { diff: RunDiff }): DiffRow[] {
  return [
    ...diff.added_rows.map((cells): DiffRow => ({ change: 'added', cells, before: null })),
    ...diff.changed_rows.map(({ before, after }): DiffRow => ({
      change: 'changed',
      cells: after,
      before: after.map((value, index) => ({ changed: !sameValue(value, before[index]), value: before[index] })),
    })),
    ...diff.removed_rows.map((cells): DiffRow => ({ change: 'removed', cells, before: null })),
  ];
}

/** "2 added, 1 removed, 3 changed", or "No change". */
export function diffCountsText({ added, removed, changed }: { added: number; removed: number; changed: number }) {
  const parts = [
    added ? `${added} added` : null,
    removed ? `${removed} removed` : null,
    changed ? `${changed} changed` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No change';
}
