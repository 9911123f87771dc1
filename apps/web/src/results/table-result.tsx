import { lazy, Suspense, useMemo, useState } from 'react';
import { ChartControls } from './chart-controls.js';
import { chartColumns, chartData, defaultChartChoice, type ChartChoice } from './chart-series.js';
import { CopyButton } from './copy-button.js';
import { downloadFile, tableToCsv, tableToJson } from './export-table.js';
import { ResultTable } from './result-table.js';
import { toolbarButton } from './toolbar-button.js';
import type { TypedTable } from './typed-table.js';

const ResultChart = lazy(() => import('./result-chart.js'));

/** One typed table: sortable rows, a chart people can steer when there are numbers, copy and export. */
export function TableResult({ table, name, caption }: { table: TypedTable; name: string; caption: string }) {
  const initialChoice = useMemo(() => defaultChartChoice({ table }), [table]);
  const columns = useMemo(() => chartColumns({ table }), [table]);
  const [choice, setChoice] = useState<ChartChoice | undefined>(initialChoice);
  const [view, setView] = useState<'table' | 'chart'>('table');
  const data = useMemo(() => (choice ? chartData({ table, choice }) : undefined), [table, choice]);
  const xLabel = table.columns.find((column) => column.key === choice?.xKey)?.label ?? '';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label={`${caption} actions`}>
        <span className="mr-auto text-xs text-slate-500 dark:text-slate-400">
          {table.rows.length} row{table.rows.length === 1 ? '' : 's'}
        </span>
        {initialChoice ? (
          <>
            <button
              type="button"
              className={toolbarButton}
              aria-pressed={view === 'table'}
              onClick={() => setView('table')}
            >
              Table
            </button>
            <button
              type="button"
              className={toolbarButton}
              aria-pressed={view === 'chart'}
              onClick={() => setView('chart')}
            >
              Chart
            </button>
          </>
        ) : null}
        <CopyButton text={() => tableToCsv({ table })} />
        <button
          type="button"
          className={toolbarButton}
          onClick={async () =>
            downloadFile({ name: `${name}.csv`, type: 'text/csv', content: await tableToCsv({ table }) })
          }
        >
          CSV
        </button>
        <button
          type="button"
          className={toolbarButton}
          onClick={() =>
            downloadFile({ name: `${name}.json`, type: 'application/json', content: tableToJson({ table }) })
          }
        >
          JSON
        </button>
      </div>
      {view === 'chart' && choice ? (
        <div className="space-y-2">
          <ChartControls choice={choice} xColumns={columns.x} yColumns={columns.y} onChange={setChoice} />
          {data ? (
            <Suspense fallback={<p className="text-sm text-slate-500 dark:text-slate-400">Drawing the chart…</p>}>
              <ResultChart data={data} type={choice.type} xKey={choice.xKey} xLabel={xLabel} name={name} />
            </Suspense>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">Choose at least one series to draw.</p>
          )}
        </div>
      ) : (
        <ResultTable table={table} caption={caption} />
      )}
    </div>
  );
}
