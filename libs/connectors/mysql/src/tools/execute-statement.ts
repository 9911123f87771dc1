import { decimalString, millisecondsNumber } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { cutText } from '../cut-cell.js';
import { defineMysqlTool } from '../define-mysql-tool.js';
import { executeWriteStatement } from '../execute-write-statement.js';

const parameterSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const executeStatement = defineMysqlTool({
  name: 'execute_statement',
  title: 'Run a statement that changes data',
  description:
    'Runs one INSERT, UPDATE, DELETE, REPLACE or DDL statement (CREATE, ALTER, DROP, TRUNCATE, RENAME) and returns the affected rows. Changes are committed. Use ? placeholders with params for values.',
  input: z.object({
    sql: z.string().min(1).max(100_000).describe('One data-changing statement; use ? for values.'),
    params: z.array(parameterSchema).max(1000).optional().describe('Values bound to the ? placeholders, in order.'),
    database: z.string().min(1).max(64).optional().describe('Database for table names without a database prefix.'),
  }),
  output: z.object({
    affected_rows: z.number(),
    insert_id: decimalString().nullable().describe('The AUTO_INCREMENT value of the first inserted row, if any.'),
    warnings: z.number(),
    info: z.string(),
    truncated: z.boolean().describe('The server message in `info` was cut to MYSQL_MAX_CELL_BYTES.'),
    elapsed_ms: millisecondsNumber().describe('Time the statement took, in milliseconds.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  writes: true,
  async handler({ input, context, signal }) {
    if (input.database) context.policy.assertReadable({ database: input.database });
    const result = await executeWriteStatement({
      context,
      sql: input.sql,
      params: input.params ?? [],
      ...(input.database ? { database: input.database } : {}),
      signal,
    });
    const info = cutText({ text: result.info, maxBytes: context.config.maxCellBytes });
    return {
      structured: {
        affected_rows: result.affectedRows,
        insert_id: result.insertId,
        warnings: result.warnings,
        info: info.text,
        truncated: info.cut,
        elapsed_ms: result.elapsedMs,
      },
      text: `${result.affectedRows} row(s) affected${result.insertId ? `, insert id ${result.insertId}` : ''}${result.warnings ? `, ${result.warnings} warning(s)` : ''} (${result.elapsedMs} ms)`,
    };
  },
});
