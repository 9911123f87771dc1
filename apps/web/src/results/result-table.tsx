import { useMemo, useState } from 'react';
import { numericKinds } from './column-kind.js';
import { sortRows, type SortDirection } from './compare-values.js';
import { CopyButton } from './copy-button.js';
import { formatValue, shortenIdentifier } from './format-value.js';
import type { TypedColumn, TypedTable } from './typed-table.js';

const shownRowLimit = 200;

function TableCell({ value, column }: { value: unknown; column: TypedColumn }) {
  const text = formatValue({ value, kind: column.kind });
  const numeric = numericKinds.has(column.kind);
  const className = `max-w-xs truncate px-3 py-1.5 ${numeric ? 'text-right tabular-nums whitespace-nowrap' : ''}`;
  if (column.kind === 'identifier' && typeof value === 'string' && shortenIdentifier({ text: value }) !== value) {
    return (
      <td className={`${className} whitespace-nowrap font-mono text-xs`} title={value}>
        <span>{shortenIdentifier({ text: value })}</span>
        <CopyButton text={() => value} label="Copy" accessibleLabel={`Copy ${column.label} ${value}`} />
      </td>
    );
  }
  // The raw value in the tooltip: what the formatted text stands for (full precision, ISO instant).
  const raw =
    value === null || value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <td className={className} {...(raw && raw !== text ? { title: raw } : {})}>
      {text}
    </td>
  );
}

/** A typed table whose column headers sort it by value (click or Enter/Space; again to reverse). */
export function ResultTable({ table, caption }: { table: TypedTable; caption?: string }) {
  const [sort, setSort] = useState<{ columnIndex: number; direction: SortDirection } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(
    () =>
      sort
        ? sortRows({
            rows: table.rows,
            columnIndex: sort.columnIndex,
            kind: table.columns[sort.columnIndex]?.kind ?? 'text',
            direction: sort.direction,
          })
        : table.rows,
    [table, sort],
  );
  const shown = showAll ? rows : rows.slice(0, shownRowLimit);
  const toggle = (columnIndex: number) =>
    setSort((current) =>
      current?.columnIndex === columnIndex
        ? { columnIndex, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { columnIndex, direction: 'ascending' },
    );
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="w-full border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
          <tr>
            {table.columns.map((column, index) => {
              const direction = sort?.columnIndex === index ? sort.direction : undefined;
              const numeric = numericKinds.has(column.kind);
              return (
                <th
                  key={`${column.key}-${index}`}
                  scope="col"
                  aria-sort={direction ?? 'none'}
                  className="p-0 font-semibold"
                >
                  <button
                    type="button"
                    onClick={() => toggle(index)}
                    title={column.key}
                    className={`flex w-full items-center gap-1 whitespace-nowrap px-3 py-2 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-700 ${numeric ? 'justify-end text-right' : 'text-left'}`}
                  >
                    {column.label}
                    <span aria-hidden="true" className="text-xs text-slate-500 dark:text-slate-400">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, rowIndex) => (
            <tr
              key={rowIndex}
              className="border-t border-slate-200 odd:bg-white even:bg-slate-50 dark:border-slate-700 dark:odd:bg-slate-900 dark:even:bg-slate-800/50"
            >
              {table.columns.map((column, cellIndex) => (
                <TableCell key={cellIndex} value={row[cellIndex]} column={column} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className="w-full px-3 py-2 text-sm text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Show all {rows.length} rows
        </button>
      ) : null}
    </div>
  );
}
