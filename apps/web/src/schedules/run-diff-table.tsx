import type { RunDiff } from './schedule-types.js';
import { useMemo } from 'react';
import { numericKinds } from '../results/column-kind.js';
import { formatValue } from '../results/format-value.js';
import { labelOf } from '../results/tables-from-schema.js';
import { runDiffRows, type DiffChange } from './run-diff-rows.js';
import { columnKindOfValues } from './run-result-table.js';
import { cellClass, headerClass } from './table-styles.js';

// Each change has a word and a sign as well as a colour, so it reads without colour too.
const changeStyles: Record<DiffChange, { label: string; sign: string; row: string; badge: string }> = {
  added: {
    label: 'Added',
    sign: '+',
    row: 'bg-emerald-50 dark:bg-emerald-950/40',
    badge: 'text-emerald-900 dark:text-emerald-200',
  },
  removed: {
    label: 'Removed',
    sign: '−',
    row: 'bg-rose-50 dark:bg-rose-950/40',
    badge: 'text-rose-900 dark:text-rose-200',
  },
  changed: {
    label: 'Changed',
    sign: '~',
    row: 'bg-amber-50 dark:bg-amber-950/40',
    badge: 'text-amber-900 dark:text-amber-200',
  },
};

/**
 * The rows added, removed and changed since the previous run, in one table: each row says how it changed,
 * and a changed cell shows its new value with the old one struck through (`<del>`, read as "was").
 */
export function RunDiffTable({ diff }: { diff: RunDiff }) {
  const rows = useMemo(() => runDiffRows({ diff }), [diff]);
  const kinds = useMemo(
    () =>
      diff.columns.map((_column, index) =>
        columnKindOfValues({
          values: [
            ...diff.added_rows,
            ...diff.removed_rows,
            ...diff.changed_rows.flatMap((row) => [row.before, row.after]),
          ].map((row) => row[index]),
        }),
      ),
    [diff],
  );
  if (rows.length === 0) return null;
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Rows changed since the previous run</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col" className={headerClass}>
              Change
            </th>
            {diff.columns.map((column, index) => (
              <th
                key={`${column}-${index}`}
                scope="col"
                className={`${headerClass} ${numericKinds.has(kinds[index] ?? 'text') ? 'text-right' : ''}`}
              >
                {labelOf({ key: column })}
                {column === diff.key ? <span className="sr-only"> (identifies the row)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => {
            const style = changeStyles[row.change];
            return (
              <tr
                key={rowIndex}
                data-testid="diff-row"
                data-change={row.change}
                className={`border-t border-slate-200 dark:border-slate-700 ${style.row}`}
              >
                <th scope="row" className={`${cellClass} whitespace-nowrap font-semibold ${style.badge}`}>
                  <span aria-hidden="true">{style.sign} </span>
                  {style.label}
                </th>
                {diff.columns.map((_column, index) => {
                  const kind = kinds[index] ?? 'text';
                  const numeric = numericKinds.has(kind) ? 'text-right tabular-nums' : '';
                  const value = formatValue({ value: row.cells[index], kind });
                  const before = row.before?.[index];
                  return (
                    <td key={index} className={`${cellClass} ${numeric}`}>
                      {row.change === 'removed' ? <del>{value}</del> : <span>{value}</span>}
                      {before?.changed ? (
                        <span className="block text-xs text-slate-700 dark:text-slate-300">
                          <span className="sr-only">was </span>
                          <del>{formatValue({ value: before.value, kind })}</del>
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
