import type { ScheduleRunSummary } from './schedule-types.js';
import { assignAxes, type ChartData } from '../results/chart-series.js';
import { labelOf } from '../results/tables-from-schema.js';

export const metricsTimeKey = 'time';

export interface MetricSeries {
  /** The chart's key for it (`m0`, `m1`…): a metric's own name may hold dots, which the chart reads as paths. */
  key: string;
  metric: string;
  label: string;
}

/** Every metric the runs report, `row_count` first, then by name. */
export function metricSeries({ runs }: { runs: ScheduleRunSummary[] }): MetricSeries[] {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.metrics)))].sort((left, right) =>
    left === 'row_count' ? -1 : right === 'row_count' ? 1 : left.localeCompare(right),
  );
  return names.map((metric, index) => ({ key: `m${index}`, metric, label: labelOf({ key: metric }) }));
}

/**
 * The successful runs' metrics over time (oldest first), in the results chart's shape: one series per
 * metric, on a second axis when its scale is far from the others'. None below two points.
 */
export function metricsChartData({ runs }: { runs: ScheduleRunSummary[] }): ChartData | undefined {
  const measured = runs
    .filter((run) => run.status === 'ok' && Object.keys(run.metrics).length > 0)
    .sort((left, right) => Date.parse(left.started_at) - Date.parse(right.started_at));
  if (measured.length < 2) return undefined;
  const series = metricSeries({ runs: measured });
  const points = measured.map((run) => {
    const point: Record<string, number | null> = { [metricsTimeKey]: Date.parse(run.started_at) };
    for (const { key, metric } of series) point[key] = run.metrics[metric] ?? null;
    return point;
  });
  const axes = assignAxes({
    series: series.map(({ key }) => ({ key, values: points.map((point) => point[key] ?? null) })),
  });
  return {
    xScale: 'time',
    xKind: 'date-time',
    points,
    series: series.map(({ key, label }) => ({
      key,
      label,
      kind: points.every((point) => point[key] === null || Number.isInteger(point[key])) ? 'integer' : 'number',
      axis: axes[key] ?? 'left',
    })),
  };
}
