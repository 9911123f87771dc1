import type { RunResult } from '../contracts/index.js';

// Numbers as SQL drivers send exact types (DECIMAL, BIGINT) as strings: `-12`, `3.50`, `1e3`.
const numericText = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

const asNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && numericText.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
};

/**
 * The numbers of a run to chart over time: `row_count` for a table, and each numeric column (numbers, or
 * strings that are numbers) of a one-row result, by column name (`row_count` stays the row count).
 */
export function resultMetrics({ result }: { result: RunResult | null | undefined }): Record<string, number> {
  if (!result || result.row_count === null) return {};
  const metrics: Record<string, number> = { row_count: result.row_count };
  const [row] = result.rows ?? [];
  if (result.columns && result.row_count === 1 && row) {
    result.columns.forEach((column, index) => {
      const number = asNumber(row[index]);
      if (number !== undefined && column !== 'row_count') metrics[column] = number;
    });
  }
  return metrics;
}
