export interface RenderedTable {
  text: string;
  /** How many rows made it into the text. */
  shownRows: number;
  truncated: boolean;
}

const maxCellChars = 200;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : value instanceof Date
          ? value.toISOString()
          : JSON.stringify(value);
  // Tabs and newlines would break the row structure the model relies on.
  const flat = text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
  return flat.length > maxCellChars ? `${flat.slice(0, maxCellChars - 1)}…` : flat;
}

/**
 * Renders rows as tab-separated text with a header: the most compact shape a model reads reliably.
 * Rows are added until the budget is reached; the caller's `hint` says how to fetch what was left out
 * (a cursor, an offset or a narrower query).
 */
export function renderTable({
  columns,
  rows,
  maxChars,
  totalRows,
  hint,
}: {
  columns: string[];
  rows: ReadonlyArray<Record<string, unknown> | readonly unknown[]>;
  maxChars: number;
  /** Rows that exist in all, when known and larger than `rows.length`. */
  totalRows?: number | string;
  hint?: string;
}): RenderedTable {
  const header = columns.map((column) => cellText(column)).join('\t');
  const lines = [header];
  let length = header.length;
  const total = totalRows ?? rows.length;
  const reserve = 160 + (hint?.length ?? 0);
  let shownRows = 0;
  for (const row of rows) {
    const values = Array.isArray(row) ? row : columns.map((column) => (row as Record<string, unknown>)[column]);
    const line = values.map((value) => cellText(value)).join('\t');
    if (length + line.length + 1 > maxChars - reserve && shownRows > 0) break;
    lines.push(line);
    length += line.length + 1;
    shownRows += 1;
  }
  const truncated = shownRows < rows.length || (totalRows !== undefined && String(totalRows) !== String(shownRows));
  if (truncated) {
    lines.push(`[truncated: showing ${shownRows} of ${total} rows${hint ? `. ${hint}` : ''}]`);
  } else {
    lines.push(`(${shownRows} ${shownRows === 1 ? 'row' : 'rows'})`);
  }
  return { text: lines.join('\n'), shownRows, truncated };
}
