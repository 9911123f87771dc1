import type { ScheduleRunSummary } from './schedule-types.js';
import { lazy, Suspense, useId, useMemo } from 'react';
import { formatRunTime } from './format-run-time.js';
import { metricSeries, metricsChartData, metricsTimeKey } from './metrics-chart-data.js';
import { cellClass, headerClass, mutedClass } from './table-styles.js';

// recharts is most of a chart's weight: it loads when a chart is drawn.
const ResultChart = lazy(() => import('../results/result-chart.js'));

const numberFormat = new Intl.NumberFormat();

/** The runs' numbers over time (row count, a one-row result's numeric columns), with the same numbers as a table. */
export function MetricsChart({ runs, name }: { runs: ScheduleRunSummary[]; name: string }) {
  const titleId = useId();
  const data = useMemo(() => metricsChartData({ runs }), [runs]);
  const series = useMemo(() => metricSeries({ runs }), [runs]);
  if (!data) return null;
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <h3 id={titleId} className="text-sm font-semibold">
        Over time
      </h3>
      <Suspense fallback={<p className={`text-sm ${mutedClass}`}>Drawing the chart…</p>}>
        <ResultChart data={data} type="line" xKey={metricsTimeKey} xLabel="run time" name={`${name}-metrics`} />
      </Suspense>
      <details>
        <summary className="cursor-pointer text-sm text-indigo-700 dark:text-indigo-300">
          The numbers as a table
        </summary>
        <div className="mt-1 overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-sm">
            <caption className="sr-only">{name}: metrics of each run, oldest first</caption>
            <thead>
              <tr>
                <th scope="col" className={headerClass}>
                  Run
                </th>
                {series.map((entry) => (
                  <th key={entry.key} scope="col" className={`${headerClass} text-right`}>
                    {entry.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {data.points.map((point) => (
                <tr key={point[metricsTimeKey]}>
                  <td className={cellClass}>{formatRunTime({ time: point[metricsTimeKey] as number })}</td>
                  {series.map((entry) => (
                    <td key={entry.key} className={`${cellClass} text-right tabular-nums`}>
                      {typeof point[entry.key] === 'number' ? numberFormat.format(point[entry.key] as number) : '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
