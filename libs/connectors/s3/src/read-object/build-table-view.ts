import { fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { parseDelimitedRecords } from '../parse-delimited-records.js';

export interface TableView {
  columns: string[];
  rows: string[][];
  /** Bytes from the read's offset through the last row shown. */
  bytesShown: number;
  /** Where the next read starts, or null when every row to the end is shown. */
  nextOffset: number | null;
  /** Rows left for the next read, or cells cut to fit. */
  truncated: boolean;
  text: string;
}

// Longest cell kept whole in the structured content; a longer one is cut with a marker.
const maxCellChars = 1000;

/**
 * A CSV/TSV read as a table: the records that fit both budgets, the text rendering the same rows, and the
 * offset right after the last row shown. Undefined when the bytes are not a table worth showing (malformed,
 * or not one whole record), so the caller shows them as text.
 */
export function buildTableView({
  bytes,
  delimiter,
  encoding,
  ended,
  offset,
  header,
  structuredRoom,
  maxChars,
}: {
  bytes: Uint8Array;
  delimiter: ',' | '\t';
  encoding: string;
  /** True when `bytes` run to the end of the object. */
  ended: boolean;
  offset: number;
  /** The header read from the object's start, for reads that begin after it. */
  header?: string[];
  /** JSON characters the table (columns and rows) may take. */
  structuredRoom: number;
  maxChars: number;
}): TableView | undefined {
  const records = parseDelimitedRecords({ bytes, delimiter, encoding, ended });
  if (!records) return undefined;
  const headerRecord = header ? undefined : records.shift();
  const columns = header ?? headerRecord?.cells;
  if (!columns) return undefined;
  const startByte = headerRecord?.endByte ?? 0;
  // A first row larger than the whole read: text shows it and reads on.
  if (records.length === 0 && !ended) return undefined;
  // Cells are capped here rather than by fitJsonItems' per-item cap, which costs a deep copy of every row.
  const cutRows = new Set<number>();
  const capped = records.map((record, index) =>
    record.cells.map((cell) => {
      if (cell.length <= maxCellChars) return cell;
      cutRows.add(index);
      return `${cell.slice(0, maxCellChars)}… [truncated: ${cell.length - maxCellChars} more characters]`;
    }),
  );
  const fitted = fitJsonItems({
    items: capped,
    maxChars: Math.max(2, structuredRoom - jsonLength({ columns, rows: [] })),
  });
  const hintFor = (next: number) => `Call read_object with offset=${next} for the next rows (the header comes again).`;
  const render = ({ rows, nextOffset }: { rows: string[][]; nextOffset: number | null }) =>
    renderTable({
      columns,
      rows,
      maxChars,
      ...(nextOffset !== null
        ? {
            totalRows: ended ? records.length : `more than ${records.length}`,
            hint: hintFor(nextOffset),
          }
        : {}),
    });
  // The hint names the offset after the last row the text shows, known only after rendering: the first
  // pass reserves room for the longest hint.
  const longest = render({ rows: fitted.items, nextOffset: Number.MAX_SAFE_INTEGER });
  const rows = fitted.items.slice(0, longest.shownRows);
  const allShown = ended && rows.length === records.length;
  const bytesShown = rows.length > 0 ? records[rows.length - 1]!.endByte : startByte;
  const nextOffset = allShown ? null : offset + bytesShown;
  const table = render({ rows, nextOffset });
  return {
    columns,
    rows,
    bytesShown: allShown ? bytes.length : bytesShown,
    nextOffset,
    truncated: !allShown || fitted.cutStrings > 0 || rows.some((_, index) => cutRows.has(index)),
    text: table.text,
  };
}
