import { numericKinds, type ColumnKind } from './column-kind.js';
import { isDecimalText } from './decimal-text.js';
import { isMoney } from './format-value.js';
import type { TypedColumn, TypedTable } from './typed-table.js';

export type ChartType = 'bar' | 'line' | 'area';
export type Axis = 'left' | 'right';

export interface ChartChoice {
  type: ChartType;
  xKey: string;
  yKeys: string[];
}

export interface ChartSeries {
  key: string;
  label: string;
  kind: ColumnKind;
  axis: Axis;
  /** Money's currency (of the first amount), for tooltips. */
  currency?: string;
}

export interface ChartData {
  /** `time` plots x as instants (milliseconds since 1970, UTC for plain dates); `category` as labels. */
  xScale: 'time' | 'number' | 'category';
  xKind: ColumnKind;
  points: Array<Record<string, number | string | null>>;
  series: ChartSeries[];
}

const maximumPoints = 1_000;
const maximumCategories = 60;
// Scales further apart than this get separate axes: a series of 2–10 is not flattened under 500–2,600.
const scaleRatioLimit = 10;

const timeKinds = new Set<ColumnKind>(['date', 'date-time']);
const xKinds = new Set<ColumnKind>(['date', 'date-time', 'text', 'identifier', 'integer', 'number', 'decimal']);

/** A numeric value for plotting (a chart is a picture: doubles are precise enough there, never in cells). */
export function plotValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isMoney(value)) return isDecimalText(value.amount) ? Number(value.amount) : null;
  if (isDecimalText(value)) return Number(value);
  return null;
}

/** The x position of a value: instants for dates (plain dates at UTC midnight, so no day shifts). */
function xValue(value: unknown, kind: ColumnKind): number | string | null {
  if (value === null || value === undefined) return null;
  if (kind === 'date' && typeof value === 'string') {
    const time = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(time) ? null : time;
  }
  if (kind === 'date-time' && typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
  }
  if (numericKinds.has(kind)) return plotValue(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What can go where: any typed label or number along x; only numbers (numbers, decimals, money) as y. */
export function chartColumns({ table }: { table: TypedTable }): { x: TypedColumn[]; y: TypedColumn[] } {
  return {
    x: table.columns.filter((column) => xKinds.has(column.kind)),
    y: table.columns.filter((column) => numericKinds.has(column.kind)),
  };
}

const isIdLike = (key: string) => /^id$|_id$|Id$/.test(key);

/**
 * The first chart offered: dates (else the first label column) along x, the numeric columns as y. None
 * for a single row, no numbers, or too many categories to read.
 */
export function defaultChartChoice({ table }: { table: TypedTable }): ChartChoice | undefined {
  if (table.rows.length < 2 || table.rows.length > maximumPoints) return undefined;
  const { x, y } = chartColumns({ table });
  const xColumn =
    x.find((column) => timeKinds.has(column.kind)) ??
    x.find((column) => column.kind === 'text' || column.kind === 'identifier');
  if (!xColumn) return undefined;
  const yKeys = y
    .filter((column) => column.key !== xColumn.key && !isIdLike(column.key))
    .slice(0, 4)
    .map((column) => column.key);
  if (yKeys.length === 0) return undefined;
  if (!timeKinds.has(xColumn.kind)) {
    const index = table.columns.indexOf(xColumn);
    if (new Set(table.rows.map((row) => row[index])).size > maximumCategories) return undefined;
  }
  return { type: timeKinds.has(xColumn.kind) ? 'line' : 'bar', xKey: xColumn.key, yKeys };
}

/**
 * Puts each series on the left axis, or on the right when its scale differs from the largest series' by
 * more than 10×. The magnitude of a series is its largest absolute value.
 */
export function assignAxes({ series }: { series: Array<{ key: string; values: Array<number | null> }> }) {
  const magnitudes = series.map(({ key, values }) => ({
    key,
    magnitude: Math.max(0, ...values.map((value) => (value === null ? 0 : Math.abs(value)))),
  }));
  const largest = Math.max(0, ...magnitudes.map((entry) => entry.magnitude));
  const axes: Record<string, Axis> = {};
  for (const { key, magnitude } of magnitudes)
    axes[key] = largest > 0 && magnitude > 0 && largest / magnitude > scaleRatioLimit ? 'right' : 'left';
  return axes;
}

/** The points and series to draw for a choice: x sorted when it is time or numbers. */
export function chartData({ table, choice }: { table: TypedTable; choice: ChartChoice }): ChartData | undefined {
  const xIndex = table.columns.findIndex((column) => column.key === choice.xKey);
  const xColumn = table.columns[xIndex];
  const yColumns = choice.yKeys
    .map((key) => table.columns.find((column) => column.key === key))
    .filter((column): column is TypedColumn => column !== undefined && numericKinds.has(column.kind));
  if (!xColumn || yColumns.length === 0) return undefined;
  const xScale = timeKinds.has(xColumn.kind) ? 'time' : numericKinds.has(xColumn.kind) ? 'number' : 'category';
  const points = table.rows.map((row) => {
    const point: Record<string, number | string | null> = { [xColumn.key]: xValue(row[xIndex], xColumn.kind) };
    for (const column of yColumns) point[column.key] = plotValue(row[table.columns.indexOf(column)]);
    return point;
  });
  const plotted = xScale === 'category' ? points : points.filter((point) => point[xColumn.key] !== null);
  if (xScale !== 'category')
    plotted.sort((left, right) => (left[xColumn.key] as number) - (right[xColumn.key] as number));
  const axes = assignAxes({
    series: yColumns.map((column) => ({
      key: column.key,
      values: plotted.map((point) => point[column.key] as number | null),
    })),
  });
  return {
    xScale,
    xKind: xColumn.kind,
    points: plotted,
    series: yColumns.map((column) => {
      const index = table.columns.indexOf(column);
      const currency = table.rows.map((row) => row[index]).find(isMoney)?.currency_code;
      return {
        key: column.key,
        label: column.label,
        kind: column.kind,
        axis: axes[column.key] ?? 'left',
        ...(column.kind === 'money' && currency ? { currency } : {}),
      };
    }),
  };
}

/** Tick labels for a time axis: days in the locale, with the time of day when the span is short. */
export function timeTickFormatter({
  kind,
  spanMilliseconds,
  locale,
  timeZone,
}: {
  kind: ColumnKind;
  spanMilliseconds: number;
  locale?: string;
  timeZone?: string;
}): (time: number) => string {
  const withTime = kind === 'date-time' && spanMilliseconds < 3 * 24 * 3_600_000;
  const format = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(spanMilliseconds > 300 * 24 * 3_600_000 ? { year: 'numeric' } : {}),
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
    // Plain dates sit at UTC midnight; shown in UTC they keep their day.
    ...(kind === 'date' ? { timeZone: 'UTC' } : timeZone ? { timeZone } : {}),
  });
  return (time) => format.format(time);
}
