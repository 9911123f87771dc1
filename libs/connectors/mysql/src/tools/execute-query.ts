import { renderTable } from '@connectormcp/connector-kit';
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
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
    row_count: z.number(),
    truncated: z.boolean(),
    elapsed_ms: z.number(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler({ input, context, signal, maxChars }) {
    const database = input.database ?? context.config.database;
    if (input.database) context.policy.assertReadable({ database: input.database });
    const maxRows = Math.min(input.max_rows ?? context.config.maxRows, context.config.maxRows);
    guardReadStatement({ sql: input.sql, ...(database ? { defaultDatabase: database } : {}), policy: context.policy });
    const result = await executeReadOnly({
      context,
      sql: input.sql,
      params: input.params ?? [],
      ...(input.database ? { database: input.database } : {}),
      maxRows,
      signal,
    });
    const hint = 'Narrow the query with WHERE or LIMIT/OFFSET, or aggregate it.';
    const table = renderTable({
      columns: result.columns.map((column) => column.name),
      rows: result.rows,
      maxChars,
      ...(result.truncated ? { totalRows: `more than ${maxRows}` } : {}),
      hint,
    });
    const rows = result.rows.slice(0, table.shownRows);
    return {
      structured: {
        columns: result.columns,
        rows,
        row_count: rows.length,
        truncated: result.truncated || table.truncated,
        elapsed_ms: result.elapsedMs,
      },
      text: `${table.text}\n(${result.elapsedMs} ms)`,
      moreHint: hint,
    };
  },
});
