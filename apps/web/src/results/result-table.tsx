import { useMemo, useState } from 'react';
import type { ResultTableData } from './result-to-table.js';
import { sortRows, type SortDirection } from './sort-rows.js';

const shownRowLimit = 200;

// Decimals arrive as strings (SQL DECIMAL, money); they still line up on the right.
const isNumeric = (cell: unknown) =>
  typeof cell === 'number' || (typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell));

/** A table whose column headers sort it (click or Enter/Space; again to reverse). */
export function ResultTable({ table, caption }: { table: ResultTableData; caption?: string }) {
  const [sort, setSort] = useState<{ columnIndex: number; direction: SortDirection } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(
    () =>
      sort ? sortRows({ rows: table.rows, columnIndex: sort.columnIndex, direction: sort.direction }) : table.rows,
    [table.rows, sort],
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
              return (
                <th
                  key={`${column}-${index}`}
                  scope="col"
                  aria-sort={direction ?? 'none'}
                  className="p-0 font-semibold"
                >
                  <button
                    type="button"
                    onClick={() => toggle(index)}
                    className="flex w-full items-center gap-1 px-3 py-2 text-left hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-700"
                  >
                    {column}
                    <span aria-hidden="true" className="text-xs text-slate-500">
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
              {row.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  className={`max-w-xs truncate px-3 py-1.5 ${isNumeric(cell) ? 'text-right tabular-nums' : ''}`}
                  title={cell === null ? 'NULL' : String(cell)}
                >
                  {cell === null ? <span className="text-slate-400">NULL</span> : String(cell)}
                </td>
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
