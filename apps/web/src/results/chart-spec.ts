import type { ResultTableData } from './result-to-table.js';

export interface ChartSpec {
  kind: 'line' | 'bar';
  /** The column along the x axis: dates or categories. */
  labelColumn: string;
  valueColumns: string[];
  points: Array<Record<string, string | number>>;
}

const datePattern = /^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+Z?)?$/;
const maximumPoints = 500;
const maximumCategories = 40;

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // Decimals come as strings from SQL drivers and as money strings from Shopify.
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/**
 * Proposes a chart when one helps: a date column and numbers make a line chart, a few categories and
 * numbers a bar chart. Id-like columns are not values; one row or no numbers means no chart.
 */
export function chartSpec({ table }: { table: ResultTableData }): ChartSpec | undefined {
  const { columns, rows } = table;
  if (rows.length < 2 || rows.length > maximumPoints) return undefined;
  const numeric = columns.filter(
    (column, index) =>
      !/(^|_)id$|^id_|zip|phone|year$/i.test(column) &&
      rows.every((row) => row[index] === null || toNumber(row[index]) !== undefined),
  );
  const labels = columns.filter((column) => !numeric.includes(column));
  if (numeric.length === 0 || labels.length === 0) return undefined;
  const dateColumn = labels.find((column) => {
    const index = columns.indexOf(column);
    return rows.every((row) => typeof row[index] === 'string' && datePattern.test(row[index] as string));
  });
  const labelColumn = dateColumn ?? labels[0]!;
  const labelIndex = columns.indexOf(labelColumn);
  if (!dateColumn && new Set(rows.map((row) => row[labelIndex])).size > maximumCategories) return undefined;
  const valueColumns = numeric.slice(0, 4);
  const points = rows.map((row) => {
    const point: Record<string, string | number> = { [labelColumn]: String(row[labelIndex] ?? '') };
    for (const column of valueColumns) point[column] = toNumber(row[columns.indexOf(column)]) ?? 0;
    return point;
  });
  if (dateColumn) points.sort((left, right) => String(left[labelColumn]).localeCompare(String(right[labelColumn])));
  return { kind: dateColumn ? 'line' : 'bar', labelColumn, valueColumns, points };
}
