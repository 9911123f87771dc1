import type { ColumnKind } from './column-kind.js';
import { compareDecimalText, isDecimalText } from './decimal-text.js';
import { isMoney } from './format-value.js';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function compareNumbers(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  // Decimals compare digit by digit, so 17+ significant digits still order correctly.
  const leftText = typeof left === 'number' ? String(left) : left;
  const rightText = typeof right === 'number' ? String(right) : right;
  if (isDecimalText(leftText) && isDecimalText(rightText)) return compareDecimalText(leftText, rightText);
  return undefined;
}

/** Orders two present values of one column by what they mean: amounts, instants, days, then text. */
export function comparePresentValues({ left, right, kind }: { left: unknown; right: unknown; kind: ColumnKind }) {
  switch (kind) {
    case 'money':
      if (isMoney(left) && isMoney(right))
        return left.currency_code === right.currency_code
          ? compareDecimalText(left.amount, right.amount)
          : collator.compare(left.currency_code, right.currency_code);
      break;
    case 'decimal':
    case 'integer':
    case 'number':
    case 'bytes':
    case 'milliseconds': {
      const compared = compareNumbers(left, right);
      if (compared !== undefined) return compared;
      break;
    }
    case 'date-time': {
      const leftTime = typeof left === 'string' ? Date.parse(left) : Number.NaN;
      const rightTime = typeof right === 'string' ? Date.parse(right) : Number.NaN;
      if (!Number.isNaN(leftTime) && !Number.isNaN(rightTime)) return leftTime - rightTime;
      break;
    }
    case 'boolean':
      if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
      break;
  }
  // Dates as YYYY-MM-DD order as text; so do ids and words (naturally: file2 before file10).
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return collator.compare(text(left), text(right));
}

export type SortDirection = 'ascending' | 'descending';

/** Sorts rows by one typed column, in either direction; empty cells always come last. */
export function sortRows({
  rows,
  columnIndex,
  kind,
  direction,
}: {
  rows: unknown[][];
  columnIndex: number;
  kind: ColumnKind;
  direction: SortDirection;
}): unknown[][] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((leftRow, rightRow) => {
    const left = leftRow[columnIndex];
    const right = rightRow[columnIndex];
    if (isEmpty(left)) return isEmpty(right) ? 0 : 1;
    if (isEmpty(right)) return -1;
    return Math.sign(comparePresentValues({ left, right, kind })) * sign;
  });
}
