import type { BenchmarkRow } from './benchmark.ts';

function format(value: number): string {
  // A figure that could not be measured (e.g. a bundle not built yet) is shown as such, explained in a note.
  if (!Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** A Markdown table, so the output can be pasted into an issue note as is; rows' notes follow as footnotes. */
export function printTable({ rows }: { rows: BenchmarkRow[] }): string {
  const notes = [...new Set(rows.flatMap((row) => (row.note === undefined ? [] : [row.note])))];
  const header = ['benchmark', 'metric', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const body = rows.map((row) => [
    row.benchmark,
    row.note === undefined ? row.metric : `${row.metric} [${notes.indexOf(row.note) + 1}]`,
    `${format(row.value)} ${row.unit}`,
    row.baseline === undefined ? '' : `${format(row.baseline)} ${row.unit}`,
    row.baseline === undefined || row.baseline === 0 ? '' : `${(row.value / row.baseline).toFixed(2)}x`,
    row.goal ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const table = [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)];
  const footnotes = notes.map((note, index) => `[${index + 1}] ${note}`);
  return [...table, ...(footnotes.length > 0 ? ['', ...footnotes] : [])].join('\n');
}
