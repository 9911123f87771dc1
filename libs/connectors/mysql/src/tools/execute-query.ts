import { renderTable } from '@connectormcp/connector-kit';
import { millisecondsNumber, valueFormats } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineMysqlTool } from '../define-mysql-tool.js';
import { executeReadOnly } from '../execute-read-only.js';
import { guardReadStatement } from '../sql/read-only-guard.js';

const parameterSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const executeQuery = defineMysqlTool({
  name: 'execute_query',
  title: 'Run a read-only SQL query',
  description:
    'Runs one read statement (SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN) in a read-only transaction and returns the columns with their types and up to max_rows rows. Use ? placeholders with params for values. Writes, locking reads, INTO OUTFILE, SLEEP/BENCHMARK and system schemas are refused. Add LIMIT and WHERE clauses for large tables.',
  input: z.object({
    sql: z.string().min(1).max(100_000).describe('One read statement in MySQL/MariaDB syntax; use ? for values.'),
    params: z.array(parameterSchema).max(1000).optional().describe('Values bound to the ? placeholders, in order.'),
    database: z.string().min(1).max(64).optional().describe('Database for table names without a database prefix.'),
    max_rows: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('Rows to return at most (default MYSQL_MAX_ROWS, 200).'),
  }),
  output: z.object({
    columns: z.array(
      z.object({
        name: z.string(),
        type: z.string().describe('The MySQL type of the column, as the server reports it (NEWDECIMAL, LONGLONG, …).'),
        format: z
          .enum(valueFormats)
          .optional()
          .describe(
            'How to read the values: decimal (an exact number as a string: DECIMAL, BIGINT), date-time (ISO 8601; TIMESTAMP in UTC with Z, DATETIME as stored, without an offset), date (YYYY-MM-DD).',
          ),
      }),
    ),
    rows: z.array(z.array(z.unknown())).describe('One array per row, values in column order.'),
    row_count: z.number(),
    truncated: z.boolean().describe('Rows were left out or values cut; `hint` says how to narrow the query.'),
    truncated_cells: z
      .array(z.object({ row: z.number(), column: z.string(), bytes: z.number() }))
      .describe('Values cut to the size budget: row index in `rows` (from 0), column name, full size in bytes.'),
    hint: z.string().optional(),
    elapsed_ms: millisecondsNumber().describe('Time the statement took, in milliseconds.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const database = input.database ?? context.config.database;
    if (input.database) context.policy.assertReadable({ database: input.database });
    const maxRows = Math.min(input.max_rows ?? context.config.maxRows, context.config.maxRows);
    guardReadStatement({
      sql: input.sql,
      ...(database ? { defaultDatabase: database } : {}),
      policy: context.policy,
      writesEnabled: context.config.allowWrites,
    });
    const { maxCellBytes } = context.config;
    // Never above the budget the structured content is held to, so the connector's own cut is the one that counts.
    const maxResultBytes = Math.min(context.config.maxResultBytes ?? maxStructuredChars, maxStructuredChars);
    const result = await executeReadOnly({
      context,
      sql: input.sql,
      params: input.params ?? [],
      ...(input.database ? { database: input.database } : {}),
      maxRows,
      budget: { maxCellBytes, maxResultBytes },
      signal,
    });
    const hint =
      result.stoppedBy === 'bytes'
        ? `The rows reached the size budget of ${maxResultBytes} bytes (MYSQL_MAX_RESULT_BYTES): select fewer columns, cut long values with SUBSTRING(column, 1, n), or add LIMIT.`
        : 'Narrow the query with WHERE or LIMIT/OFFSET, or aggregate it.';
    const describeCut = (cells: typeof result.cutCells) =>
      describeCutCells({ cells, columns: result.columns.map((column) => column.name), maxCellBytes });
    const table = renderTable({
      columns: result.columns.map((column) => column.name),
      rows: result.rows,
      // The note on cut values goes below the table.
      maxChars: maxChars - describeCut(result.cutCells).length - 1,
      ...(result.truncated
        ? { totalRows: `more than ${result.stoppedBy === 'rows' ? maxRows : result.rows.length}` }
        : {}),
      hint,
    });
    const rows = result.rows.slice(0, table.shownRows);
    const shownCuts = result.cutCells.filter((cell) => cell.row < rows.length);
    const truncated = result.truncated || table.truncated || shownCuts.length > 0;
    const note = describeCut(shownCuts);
    return {
      structured: {
        columns: result.columns,
        rows,
        row_count: rows.length,
        truncated,
        truncated_cells: shownCuts.map((cell) => ({
          row: cell.row,
          column: result.columns[cell.column]?.name ?? String(cell.column),
          bytes: cell.bytes,
        })),
        ...(truncated ? { hint: result.truncated || table.truncated ? hint : cutHint } : {}),
        elapsed_ms: result.elapsedMs,
      },
      text: `${table.text}${note ? `\n${note}` : ''}\n(${result.elapsedMs} ms)`,
      moreHint: hint,
    };
  },
});

const cutHint = 'Read a long value in parts with SUBSTRING(column, start, length), or select fewer columns.';

/** One line under the table naming the values that were cut and their full size, or nothing. */
function describeCutCells({
  cells,
  columns,
  maxCellBytes,
}: {
  cells: ReadonlyArray<{ row: number; column: number; bytes: number }>;
  columns: string[];
  maxCellBytes: number;
}): string {
  if (cells.length === 0) return '';
  const named = cells
    .slice(0, 3)
    .map((cell) => `${columns[cell.column] ?? cell.column} in row ${cell.row + 1} (${cell.bytes} bytes)`);
  const more = cells.length > 3 ? `, and ${cells.length - 3} more` : '';
  return `[${cells.length} ${cells.length === 1 ? 'value' : 'values'} cut to at most ${maxCellBytes} bytes: ${named.join(', ')}${more}. ${cutHint}]`;
}
