import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartSpec } from './chart-spec.js';

const colors = ['#4f46e5', '#0891b2', '#ea580c', '#16a34a'];

/** Loaded on demand (recharts is most of a chart's weight), so the chat's first load stays small. */
export default function ResultChart({ spec }: { spec: ChartSpec }) {
  const series = spec.valueColumns.map((column, index) =>
    spec.kind === 'line' ? (
      <Line
        key={column}
        type="linear"
        dataKey={column}
        stroke={colors[index % colors.length]}
        dot={false}
        isAnimationActive={false}
      />
    ) : (
      <Bar key={column} dataKey={column} fill={colors[index % colors.length]} isAnimationActive={false} />
    ),
  );
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />,
    <XAxis key="x" dataKey={spec.labelColumn} tick={{ fontSize: 12, fill: 'currentColor' }} />,
    <YAxis key="y" tick={{ fontSize: 12, fill: 'currentColor' }} width={70} />,
    <Tooltip key="tooltip" contentStyle={{ color: '#0f172a' }} />,
    <Legend key="legend" />,
  ];
  return (
    <figure
      className="h-72 w-full"
      aria-label={`${spec.kind === 'line' ? 'Line' : 'Bar'} chart of ${spec.valueColumns.join(', ')} by ${spec.labelColumn}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        {spec.kind === 'line' ? (
          <LineChart data={spec.points}>{[...axes, ...series]}</LineChart>
        ) : (
          <BarChart data={spec.points}>{[...axes, ...series]}</BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
