import { executeReadOnly, type ReadResult } from './execute-read-only.js';
import type { MysqlContext } from './mysql-context.js';

/** Runs a trusted metadata query (our own SQL, bound parameters) through the read-only path, as objects. */
export async function readRecords<Row extends Record<string, unknown>>({
  context,
  sql,
  params = [],
  signal,
  maxRows = 10_000,
}: {
  context: MysqlContext;
  sql: string;
  params?: unknown[];
  signal: AbortSignal;
  maxRows?: number;
}): Promise<Row[]> {
  return recordsOf<Row>(await executeReadOnly({ context, sql, params, maxRows, signal }));
}

/** Rows of a result as objects keyed by column name. */
export function recordsOf<Row extends Record<string, unknown>>(result: ReadResult): Row[] {
  return result.rows.map(
    (row) => Object.fromEntries(result.columns.map((column, index) => [column.name, row[index]])) as Row,
  );
}
