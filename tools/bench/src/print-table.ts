import type { BenchmarkRow } from './benchmark.ts';

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** A Markdown table, so the output can be pasted into an issue note as is. */
export function printTable({ rows }: { rows: BenchmarkRow[] }): string {
  const header = ['benchmark', 'metric', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const body = rows.map((row) => [
    row.benchmark,
    row.metric,
    `${format(row.value)} ${row.unit}`,
    row.baseline === undefined ? '' : `${format(row.baseline)} ${row.unit}`,
    row.baseline === undefined || row.baseline === 0 ? '' : `${(row.value / row.baseline).toFixed(2)}x`,
    row.goal ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
