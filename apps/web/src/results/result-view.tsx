import { lazy, Suspense, useMemo, useState } from 'react';
import { chartSpec } from './chart-spec.js';
import { CopyButton } from './copy-button.js';
import { downloadFile, tableToCsv, tableToJson } from './export-table.js';
import { ResultTable } from './result-table.js';
import { resultToTable } from './result-to-table.js';

const ResultChart = lazy(() => import('./result-chart.js'));

const toolbarButton =
  'rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 aria-pressed:bg-slate-200 aria-pressed:font-semibold dark:text-slate-300 dark:hover:bg-slate-700 dark:aria-pressed:bg-slate-700';

/**
 * A tool's result the way people read it: rows as a sortable table (with a chart when the numbers
 * suggest one), anything else as JSON or text; copy and export either way.
 */
export function ResultView({ result, text, name }: { result?: unknown; text?: string; name: string }) {
  const table = useMemo(() => (result === undefined ? undefined : resultToTable({ result })), [result]);
  const chart = useMemo(() => (table ? chartSpec({ table }) : undefined), [table]);
  const [view, setView] = useState<'table' | 'chart'>('table');
  if (table) {
    return (
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label={`${name} result`}>
          <span className="mr-auto text-xs text-slate-500">
            {table.rows.length} row{table.rows.length === 1 ? '' : 's'}
          </span>
          {chart ? (
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
        {view === 'chart' && chart ? (
          <Suspense fallback={<p className="text-sm text-slate-500">Drawing the chart…</p>}>
            <ResultChart spec={chart} />
          </Suspense>
        ) : (
          <ResultTable table={table} caption={`${name} result`} />
        )}
      </div>
    );
  }
  const body = result !== undefined ? JSON.stringify(result, null, 2) : (text ?? '');
  if (!body) return null;
  return (
    <div className="space-y-1">
      <div className="flex justify-end gap-1">
        <CopyButton text={() => body} />
        {result !== undefined ? (
          <button
            type="button"
            className={toolbarButton}
            onClick={() => downloadFile({ name: `${name}.json`, type: 'application/json', content: body })}
          >
            JSON
          </button>
        ) : null}
      </div>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800">
        {body}
      </pre>
    </div>
  );
}
