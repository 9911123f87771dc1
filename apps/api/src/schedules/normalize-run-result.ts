import { findTableProperty, type JsonSchema } from '@connectormcp/orchestrator';
import type { RunResult } from '../contracts/index.js';

/** What one run keeps at most: the first rows up to either limit, and the text up to its own. */
export const runResultLimits = { rows: 1_000, bytes: 512 * 1024, textBytes: 16 * 1024 };

export type RunResultLimits = typeof runResultLimits;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const byteLength = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');

/** Names a source may give its total under (Jira's `total`, the SQL tools' `row_count`). */
const totalNames = ['total', 'total_count', 'totalCount', 'row_count'];

interface Table {
  columns: string[];
  rows: unknown[][];
  /** What the source says it has in all, when it says so. */
  total: number | undefined;
  /** The source itself left rows out or cut values (the SQL tools' `truncated`). */
  cutBySource: boolean;
}

/** The property holding the rows: from the output schema when there is one, else from the value's own shape. */
function tableProperty({
  structured,
  outputSchema,
}: {
  structured: Record<string, unknown>;
  outputSchema: JsonSchema | undefined;
}): string | undefined {
  if (outputSchema) return findTableProperty({ outputSchema });
  if (Array.isArray(structured.columns) && Array.isArray(structured.rows)) return 'rows';
  const candidates = Object.entries(structured)
    .filter(([, value]) => Array.isArray(value) && value.length > 0 && value.every(isRecord))
    .map(([name]) => name);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function readTable({ structured, outputSchema }: { structured: unknown; outputSchema: JsonSchema | undefined }) {
  if (!isRecord(structured)) return undefined;
  const property = tableProperty({ structured, outputSchema });
  const values = property ? structured[property] : undefined;
  if (!property || !Array.isArray(values)) return undefined;
  const declaredTotal = totalNames
    .map((name) => structured[name])
    .find((value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0);
  const total = declaredTotal !== undefined && declaredTotal >= values.length ? declaredTotal : undefined;
  const cutBySource = structured.truncated === true;
  if (property === 'rows' && Array.isArray(structured.columns)) {
    // The SQL shape: columns are names or `{ name, type, format }`; rows are arrays in column order.
    const columns = structured.columns.map((column, index) =>
      isRecord(column) && typeof column.name === 'string'
        ? column.name
        : typeof column === 'string'
          ? column
          : `column_${index + 1}`,
    );
    const rows = values.map((row) =>
      Array.isArray(row) ? row : isRecord(row) ? columns.map((column) => row[column] ?? null) : [row],
    );
    return { columns, rows, total, cutBySource } satisfies Table;
  }
  // An array of objects: every key seen, in the order first seen; a missing value is null.
  const seen = new Set<string>();
  for (const row of values) if (isRecord(row)) for (const key of Object.keys(row)) seen.add(key);
  const columns = [...seen];
  const rows = values.map((row) => (isRecord(row) ? columns.map((column) => row[column] ?? null) : [row]));
  return { columns, rows, total, cutBySource } satisfies Table;
}

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
export function cutText({ text, maxBytes }: { text: string; maxBytes: number }): { text: string; cut: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return { text, cut: false };
  let end = maxBytes;
  // The first byte left out continues a character begun before it: leave that whole character out.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  return { text: bytes.subarray(0, end).toString('utf8'), cut: true };
}

/**
 * What a run keeps of a result: the tool's table (read as the orchestrator reads it: the SQL `columns` +
 * `rows`, else the one array-of-objects property) as rows of values in column order, cut to the first
 * rows within the limits; or, without a table, the text (a tool's text content, a question's answer).
 * `truncated` also passes on the source's own word that it left rows out or cut values.
 */
export function normalizeRunResult({
  structured,
  outputSchema,
  text,
  limits = runResultLimits,
}: {
  /** The tool's structuredContent, if any. */
  structured?: unknown;
  outputSchema?: JsonSchema | undefined;
  /** The tool's text content or the question's answer; kept only when there is no table. */
  text?: string | null;
  limits?: RunResultLimits;
}): RunResult {
  const table = readTable({ structured, outputSchema });
  if (!table) {
    if (text === undefined || text === null)
      return { columns: null, rows: null, row_count: null, truncated: false, text: null };
    const kept = cutText({ text, maxBytes: limits.textBytes });
    return { columns: null, rows: null, row_count: null, truncated: kept.cut, text: kept.text };
  }
  const rowCount = table.total ?? table.rows.length;
  // Room for the rows: the budget less everything else the result holds (and a comma per row).
  let room =
    limits.bytes - byteLength({ columns: table.columns, rows: [], row_count: rowCount, truncated: true, text: null });
  const rows: unknown[][] = [];
  for (const row of table.rows.slice(0, limits.rows)) {
    const size = byteLength(row) + 1;
    if (size > room) break;
    room -= size;
    rows.push(row);
  }
  return {
    columns: table.columns,
    rows,
    row_count: rowCount,
    truncated: rows.length < table.rows.length || table.cutBySource,
    text: null,
  };
}
