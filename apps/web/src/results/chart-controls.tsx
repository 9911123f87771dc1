import { useId } from 'react';
import type { ChartChoice, ChartType } from './chart-series.js';
import type { TypedColumn } from './typed-table.js';

const selectClass =
  'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900';
const chartTypes: Array<{ type: ChartType; label: string }> = [
  { type: 'bar', label: 'Bar' },
  { type: 'line', label: 'Line' },
  { type: 'area', label: 'Area' },
];

/** Steering a chart: its type, the x column, and which numeric series to draw. */
export function ChartControls({
  choice,
  xColumns,
  yColumns,
  onChange,
}: {
  choice: ChartChoice;
  xColumns: TypedColumn[];
  yColumns: TypedColumn[];
  onChange: (choice: ChartChoice) => void;
}) {
  const id = useId();
  const toggleY = (key: string, on: boolean) =>
    onChange({
      ...choice,
      yKeys: on
        ? yColumns
            .map((column) => column.key)
            .filter((candidate) => candidate === key || choice.yKeys.includes(candidate))
        : choice.yKeys.filter((candidate) => candidate !== key),
    });
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs" role="group" aria-label="Chart settings">
      <label className="flex items-center gap-1" htmlFor={`${id}-type`}>
        Chart type
        <select
          id={`${id}-type`}
          className={selectClass}
          value={choice.type}
          onChange={(event) => onChange({ ...choice, type: event.target.value as ChartType })}
        >
          {chartTypes.map(({ type, label }) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1" htmlFor={`${id}-x`}>
        X axis
        <select
          id={`${id}-x`}
          className={selectClass}
          value={choice.xKey}
          onChange={(event) =>
            onChange({
              ...choice,
              xKey: event.target.value,
              yKeys: choice.yKeys.filter((key) => key !== event.target.value),
            })
          }
        >
          {xColumns.map((column) => (
            <option key={column.key} value={column.key}>
              {column.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="float-left mr-1">Series</legend>
        {yColumns
          .filter((column) => column.key !== choice.xKey)
          .map((column) => (
            <label key={column.key} className="flex items-center gap-1">
              <input
                type="checkbox"
                className="accent-indigo-600"
                checked={choice.yKeys.includes(column.key)}
                onChange={(event) => toggleY(column.key, event.target.checked)}
              />
              {column.label}
            </label>
          ))}
      </fieldset>
    </div>
  );
}
