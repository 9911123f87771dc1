import type { Cell } from './result-to-table.js';

export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Sorts rows by one column: numbers as numbers (numeric strings too), text naturally, empty cells last. */
export function sortRows({
  rows,
  columnIndex,
  direction,
}: {
  rows: Cell[][];
  columnIndex: number;
  direction: SortDirection;
}): Cell[][] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((left, right) => {
    const a = left[columnIndex] ?? null;
    const b = right[columnIndex] ?? null;
    if (a === null || a === '') return b === null || b === '' ? 0 : 1;
    if (b === null || b === '') return -1;
    const numberA = typeof a === 'number' ? a : Number(a);
    const numberB = typeof b === 'number' ? b : Number(b);
    if (!Number.isNaN(numberA) && !Number.isNaN(numberB) && String(a).trim() !== '' && String(b).trim() !== '')
      return (numberA - numberB) * sign;
    return collator.compare(String(a), String(b)) * sign;
  });
}
