import { cutMarker, cutText, utf8Prefix } from './cut-cell.js';
import { binaryPreview } from './json-safe-value.js';

/** A value that was cut: its row (0-based, in the rows returned), its column index and its full size in bytes. */
export interface CutCell {
  row: number;
  column: number;
  bytes: number;
}

/** The part of a result column the budget needs: its character set decides text from binary. */
export interface BudgetColumn {
  name: string;
  characterSet?: number;
  encoding?: string;
}

/** What mysql2 hands a `typeCast` hook for one value of a text-protocol row. */
export interface CastField {
  type: string;
  extendedFormat?: string;
  buffer(): Buffer | null;
}

export interface ResultByteBudget {
  /**
   * mysql2's `typeCast` hook: runs while a row packet is parsed, so a long value is cut from the packet's
   * bytes and never becomes a JavaScript string of megabytes.
   */
  typeCast(field: CastField, next: () => unknown): unknown;
  /**
   * The columns of the result, from the driver's `fields` event (before any row), and the bytes the rest of
   * the answer takes (the column list), which the rows must leave free.
   */
  setColumns(columns: readonly BudgetColumn[], options?: { reservedBytes?: number }): void;
  /**
   * Counts a parsed row (its JSON-safe values, and the record of each value cut in it) against the result
   * budget. The first row always fits, its longest values cut further when needed; a later row that does not
   * fit is refused and reading should stop.
   */
  admit(row: unknown[]): { admitted: true; row: unknown[] } | { admitted: false };
  /** Rows were refused or reading stopped: values still arriving are skipped without being decoded. */
  stop(): void;
  readonly cutCells: readonly CutCell[];
  /** Bytes of values read and left out by cuts so far: what the driver buffered for nothing. */
  readonly discardedBytes: number;
}

// Types whose values can be long. Numbers, dates and times are short and keep the driver's own parsing.
const longValueTypes = new Set([
  'VAR_STRING',
  'STRING',
  'VARCHAR',
  'BLOB',
  'TINY_BLOB',
  'MEDIUM_BLOB',
  'LONG_BLOB',
  'JSON',
  'ENUM',
  'SET',
]);
const binaryCharacterSet = 63;
// Below this a value says too little to be worth showing: the first row may then exceed the budget a little.
const minimumCellBytes = 16;

function jsonBytes({ value }: { value: unknown }): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}

// What recording one cut takes in the answer besides the column's name: {"row":…,"column":"","bytes":…},
const cutRecordBytes = 48;

/** Keeps numbers beyond 2^53 exact, as the driver does for JSON with `supportBigNumbers`. */
function parseJsonValue({ text }: { text: string }): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
      typeof value === 'number' && !Number.isSafeInteger(value) && /^-?\d+$/.test(context?.source ?? '')
        ? context!.source
        : value,
    );
  } catch {
    return text;
  }
}

function decodeText({ buffer, encoding, maxBytes }: { buffer: Buffer; encoding?: string; maxBytes: number }): string {
  if (!encoding || encoding === 'utf8' || encoding === 'cesu8') return utf8Prefix({ buffer, maxBytes });
  // The session's results are utf8mb4; another encoding is an exception, decoded without splitting care.
  const slice = buffer.subarray(0, maxBytes);
  try {
    return new TextDecoder(encoding).decode(slice);
  } catch {
    return slice.toString('utf8');
  }
}

/**
 * The size budget of one result, enforced while it streams: each value at most `maxCellBytes` bytes, the
 * rows' JSON at most `maxResultBytes` bytes. Long values are cut as their row is parsed (a row packet is
 * still read whole by the driver, up to the server's max_allowed_packet), and the caller stops reading
 * when a row no longer fits, so memory stays bounded however wide or many the rows are.
 */
export function createResultByteBudget({
  maxCellBytes,
  maxResultBytes,
}: {
  maxCellBytes: number;
  maxResultBytes: number;
}): ResultByteBudget {
  let columns: readonly BudgetColumn[] = [];
  let rowsBudget = maxResultBytes;
  let position = 0;
  let admittedRows = 0;
  let usedBytes = 0;
  let stopped = false;
  let discardedBytes = 0;
  const cutCells: CutCell[] = [];

  const readValue = (field: CastField, next: () => unknown, column: number): unknown => {
    if (stopped) {
      field.buffer();
      return null;
    }
    if (!longValueTypes.has(field.type)) return next();
    const buffer = field.buffer();
    if (buffer === null) return null;
    const isJson = field.type === 'JSON' || field.extendedFormat === 'json';
    const { characterSet, encoding } = columns[column] ?? {};
    // JSON is binary to MySQL's protocol but always UTF-8 text.
    if (characterSet === binaryCharacterSet && !isJson) return binaryPreview({ buffer });
    if (buffer.length <= maxCellBytes) {
      const text = decodeText({ buffer, ...(isJson ? {} : { encoding }), maxBytes: buffer.length });
      return isJson ? parseJsonValue({ text }) : text;
    }
    cutCells.push({ row: admittedRows, column, bytes: buffer.length });
    discardedBytes += buffer.length - maxCellBytes;
    return `${decodeText({ buffer, ...(isJson ? {} : { encoding }), maxBytes: maxCellBytes })}${cutMarker}`;
  };

  const rowBytes = ({ row, rowIndex }: { row: unknown[]; rowIndex: number }): number => {
    let bytes = jsonBytes({ value: row }) + 1;
    // Cuts are recorded in row order: this row's are the last ones.
    for (let index = cutCells.length - 1; index >= 0 && cutCells[index]!.row === rowIndex; index -= 1) {
      bytes += cutRecordBytes + Buffer.byteLength(columns[cutCells[index]!.column]?.name ?? '');
    }
    return bytes;
  };

  const shrinkToFit = (row: unknown[]): unknown[] => {
    const texts = row.map((value) =>
      value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
    ) as unknown[];
    const fixedBytes = jsonBytes({ value: texts.map((value) => (typeof value === 'string' ? '' : value)) });
    const lengths = texts
      .map((value) => (typeof value === 'string' ? Buffer.byteLength(value) : 0))
      .filter((length) => length > 0)
      .sort((left, right) => left - right);
    // The largest share each value may keep so that all of them fit together (short values keep theirs).
    const recordsBytes = texts.reduce<number>(
      (total, value, column) =>
        typeof value === 'string' ? total + cutRecordBytes + Buffer.byteLength(columns[column]?.name ?? '') : total,
      0,
    );
    let remaining = rowsBudget - fixedBytes - recordsBytes;
    let share = Number.POSITIVE_INFINITY;
    for (const [index, length] of lengths.entries()) {
      const fairShare = Math.floor(remaining / (lengths.length - index));
      if (length > fairShare) {
        share = fairShare;
        break;
      }
      remaining -= length;
    }
    const cap = Math.max(minimumCellBytes, share - cutMarker.length * 3);
    return texts.map((value, column) => {
      if (typeof value !== 'string') return value;
      const { text, cut } = cutText({ text: value, maxBytes: cap });
      if (!cut) return row[column];
      // A value already cut while parsed keeps its full size on record.
      if (!cutCells.some((cell) => cell.row === admittedRows && cell.column === column)) {
        cutCells.push({ row: admittedRows, column, bytes: Buffer.byteLength(value) });
      }
      return text;
    });
  };

  return {
    typeCast(field, next) {
      const column = position;
      position += 1;
      return readValue(field, next, column);
    },
    setColumns(next, { reservedBytes = 0 } = {}) {
      columns = next;
      rowsBudget = maxResultBytes - reservedBytes;
    },
    admit(row) {
      position = 0;
      if (stopped) return { admitted: false };
      let accepted = row;
      let bytes = rowBytes({ row, rowIndex: admittedRows });
      if (usedBytes + bytes > rowsBudget) {
        if (admittedRows > 0) {
          stopped = true;
          // Cuts recorded while the refused row was parsed do not describe any returned row.
          for (let index = cutCells.length - 1; index >= 0 && cutCells[index]!.row === admittedRows; index -= 1) {
            cutCells.pop();
          }
          return { admitted: false };
        }
        accepted = shrinkToFit(row);
        bytes = rowBytes({ row: accepted, rowIndex: admittedRows });
      }
      usedBytes += bytes;
      admittedRows += 1;
      return { admitted: true, row: accepted };
    },
    stop() {
      stopped = true;
    },
    cutCells,
    get discardedBytes() {
      return discardedBytes;
    },
  };
}
