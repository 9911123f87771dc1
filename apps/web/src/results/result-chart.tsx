import { useRef } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartPngBlob, chartSvgMarkup } from './chart-image.js';
import { timeTickFormatter, type ChartData, type ChartType } from './chart-series.js';
import { downloadFile } from './export-table.js';
import { formatMoney, formatValue } from './format-value.js';

const colors = ['#4f46e5', '#0891b2', '#ea580c', '#16a34a'];
const toolbarButton =
  'rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700';
const numberFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const tick = { fontSize: 12, fill: 'currentColor' };

/**
 * Loaded on demand (recharts is most of a chart's weight), so the chat's first load stays small. Series on
 * different scales get a right axis; dates are a time axis labelled in the reader's locale.
 */
export default function ResultChart({
  data,
  type,
  xKey,
  xLabel,
  name,
}: {
  data: ChartData;
  type: ChartType;
  xKey: string;
  xLabel: string;
  name: string;
}) {
  const figure = useRef<HTMLElement>(null);
  const times = data.xScale === 'time' ? data.points.map((point) => point[xKey] as number) : [];
  const formatTime =
    data.xScale === 'time'
      ? timeTickFormatter({ kind: data.xKind, spanMilliseconds: Math.max(...times) - Math.min(...times) })
      : undefined;
  const hasRight = data.series.some((series) => series.axis === 'right');
  // Counts have no fractions: an axis of whole numbers only shows whole ticks.
  const wholeOn = (axis: 'left' | 'right') =>
    data.series.filter((series) => series.axis === axis).every((series) => series.kind === 'integer');
  const seriesOf = new Map(data.series.map((series) => [series.key, series]));
  const label = `${type[0]!.toUpperCase()}${type.slice(1)} chart of ${data.series.map((series) => `${series.label}${series.axis === 'right' ? ' (right axis)' : ''}`).join(', ')} by ${xLabel}`;
  const exportAs = async (format: 'svg' | 'png') => {
    // The chart's own surface, not a legend icon (those are small SVGs too).
    const svg = figure.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
    if (!svg) return;
    const background = document.documentElement.classList.contains('dark') ? '#0f172a' : '#ffffff';
    const legend = data.series.map((series, index) => ({
      label: `${series.label}${series.axis === 'right' ? ' (right axis)' : ''}`,
      color: colors[index % colors.length]!,
    }));
    const markup = chartSvgMarkup({ svg, background, legend });
    if (format === 'svg') downloadFile({ name: `${name}.svg`, type: 'image/svg+xml', content: markup });
    else downloadFile({ name: `${name}.png`, type: await chartPngBlob({ markup }) });
  };
  const elements = data.series.map((series, index) => {
    const color = colors[index % colors.length]!;
    const common = { dataKey: series.key, name: series.label, yAxisId: series.axis, isAnimationActive: false };
    if (type === 'bar') return <Bar key={series.key} {...common} fill={color} />;
    if (type === 'area')
      return <Area key={series.key} {...common} type="linear" stroke={color} fill={color} fillOpacity={0.2} />;
    return <Line key={series.key} {...common} type="linear" stroke={color} dot={data.points.length <= 40} />;
  });
  return (
    <div className="space-y-1">
      <div className="flex justify-end gap-1">
        <button type="button" className={toolbarButton} onClick={() => void exportAs('png')}>
          PNG
        </button>
        <button type="button" className={toolbarButton} onClick={() => void exportAs('svg')}>
          SVG
        </button>
      </div>
      <figure ref={figure} className="h-72 w-full" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data.points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            {data.xScale === 'category' ? (
              <XAxis dataKey={xKey} tick={tick} />
            ) : (
              <XAxis
                dataKey={xKey}
                type="number"
                scale={data.xScale === 'time' ? 'time' : 'linear'}
                domain={['dataMin', 'dataMax']}
                tick={tick}
                {...(formatTime ? { tickFormatter: formatTime } : {})}
                padding={type === 'bar' ? { left: 20, right: 20 } : { left: 0, right: 0 }}
              />
            )}
            <YAxis
              yAxisId="left"
              allowDecimals={!wholeOn('left')}
              tick={tick}
              width={70}
              tickFormatter={(value: number) => numberFormat.format(value)}
            />
            {hasRight ? (
              <YAxis
                yAxisId="right"
                orientation="right"
                allowDecimals={!wholeOn('right')}
                tick={tick}
                width={60}
                tickFormatter={(value: number) => numberFormat.format(value)}
              />
            ) : null}
            <Tooltip
              contentStyle={{ color: '#0f172a' }}
              labelFormatter={(value) => (formatTime && typeof value === 'number' ? formatTime(value) : String(value))}
              formatter={(value, _name, item) => {
                const series = seriesOf.get(String(item.dataKey));
                if (!series || typeof value !== 'number') return String(value);
                return series.currency
                  ? formatMoney({ money: { amount: String(value), currency_code: series.currency } })
                  : formatValue({ value, kind: series.kind === 'money' ? 'decimal' : series.kind });
              }}
            />
            <Legend
              formatter={(value: string, entry) =>
                seriesOf.get(String(entry.dataKey))?.axis === 'right' ? `${value} (right axis)` : value
              }
            />
            {elements}
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
