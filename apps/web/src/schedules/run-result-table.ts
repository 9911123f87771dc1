import type { ColumnKind } from '../results/column-kind.js';
import { isDecimalText } from '../results/decimal-text.js';
import { isMoney } from '../results/format-value.js';
import { labelOf } from '../results/tables-from-schema.js';
import type { TypedTable } from '../results/typed-table.js';

const dateTimePattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How to show a stored run's column. A run keeps only column names (no output schema), so this is the one
 * place the web reads a kind from the values: numbers stay right-aligned, instants show in the reader's zone.
 */
export function columnKindOfValues({ values }: { values: unknown[] }): ColumnKind {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'text';
  if (present.every((value) => typeof value === 'number'))
    return present.every((value) => Number.isInteger(value)) ? 'integer' : 'number';
  if (present.every((value) => typeof value === 'boolean')) return 'boolean';
  if (present.every(isMoney)) return 'money';
  if (present.every((value) => typeof value === 'string')) {
    const texts = present as string[];
    if (texts.every((text) => datePattern.test(text))) return 'date';
    if (texts.every((text) => dateTimePattern.test(text))) return 'date-time';
    // SQL DECIMAL arrives as text to keep its digits.
    if (texts.every((text) => isDecimalText(text))) return 'decimal';
    return 'text';
  }
  return 'json';
}

/** A run's rows (arrays in `columns` order) as the results table's typed table. */
export function runResultTable({
  columns,
  rows,
  name = 'rows',
}: {
  columns: string[];
  rows: unknown[][];
  name?: string;
}): TypedTable {
  return {
    name,
    columns: columns.map((key, index) => ({
      key,
      label: labelOf({ key }),
      kind: columnKindOfValues({ values: rows.map((row) => row[index]) }),
    })),
    rows,
  };
}
