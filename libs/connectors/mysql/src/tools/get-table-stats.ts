import { ConnectorError, fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import mysql from 'mysql2/promise';
import { bytesNumber, dateTimeString, decimalString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { assertDatabaseExists } from '../assert-database-exists.js';
import { defineMysqlTool } from '../define-mysql-tool.js';
import { readRecords } from '../read-records.js';

const maxExactTables = 20;

export const getTableStats = defineMysqlTool({
  name: 'get_table_stats',
  title: 'Table statistics',
  description: `Row counts and sizes of one table or every table in a database: estimated rows (from statistics) by default, exact counts with exact=true (COUNT(*), limited by the query time limit, at most ${maxExactTables} tables), data and index size, auto-increment, create and update time.`,
  input: z.object({
    database: z.string().min(1).max(64).describe('Database name.'),
    table: z.string().min(1).max(64).optional().describe('One table; all tables of the database when omitted.'),
    exact: z.boolean().default(false).describe('Count rows exactly with COUNT(*) (slower on large tables).'),
  }),
  output: z.object({
    database: z.string(),
    tables: z.array(
      z.object({
        table: z.string(),
        rows: decimalString().nullable().describe('Row count: estimated from statistics, exact with exact=true.'),
        rows_exact: z.boolean(),
        data_bytes: bytesNumber().nullable().describe('Size of the data, in bytes.'),
        index_bytes: bytesNumber().nullable().describe('Size of the indexes, in bytes.'),
        auto_increment: decimalString().nullable().describe('The next AUTO_INCREMENT value.'),
        created: dateTimeString().nullable().describe('When the table was created (UTC).'),
        updated: dateTimeString()
          .nullable()
          .describe('When the table was last changed (UTC), when the engine records it.'),
      }),
    ),
    truncated: z.boolean().describe('True when the database has more tables than shown; pass table to see one.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
  async handler({ input, context, signal, progress, maxChars, maxStructuredChars }) {
    await assertDatabaseExists({ context, database: input.database, signal });
    const rows = await readRecords<{
      table: string;
      rows: string | null;
      data_bytes: string | null;
      index_bytes: string | null;
      auto_increment: string | null;
      created: string | null;
      updated: string | null;
    }>({
      context,
      sql: `SELECT TABLE_NAME AS \`table\`, TABLE_ROWS AS \`rows\`, DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes,
                   AUTO_INCREMENT AS auto_increment, CREATE_TIME AS created, UPDATE_TIME AS updated
              FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ${input.table ? 'AND TABLE_NAME = ?' : ''}
             ORDER BY TABLE_NAME`,
      params: input.table ? [input.database, input.table] : [input.database],
      signal,
    });
    if (input.table && rows.length === 0) {
      throw new ConnectorError({
        code: 'NOT_FOUND',
        message: `Table ${input.database}.${input.table} does not exist.`,
      });
    }
    if (input.exact && rows.length > maxExactTables) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: `exact=true counts at most ${maxExactTables} tables; ${input.database} has ${rows.length}. Name one table.`,
      });
    }
    const tables = [];
    for (const [index, row] of rows.entries()) {
      let count = row.rows === null ? null : String(row.rows);
      if (input.exact) {
        await progress({ progress: index, total: rows.length, message: `counting ${row.table}` });
        const [counted] = await readRecords<{ count: string }>({
          context,
          sql: `SELECT COUNT(*) AS count FROM ${mysql.escapeId(input.database)}.${mysql.escapeId(row.table)}`,
          signal,
        });
        count = String(counted?.count ?? '0');
      }
      tables.push({
        table: row.table,
        rows: count,
        rows_exact: input.exact,
        // Sizes stay below 2^53 bytes (8 PiB), so JSON numbers carry them exactly.
        data_bytes: row.data_bytes === null ? null : Number(row.data_bytes),
        index_bytes: row.index_bytes === null ? null : Number(row.index_bytes),
        auto_increment: row.auto_increment === null ? null : String(row.auto_increment),
        // information_schema shows these times in the session's time zone, which reads pin to UTC.
        created: utcDateTime({ value: row.created }),
        updated: utcDateTime({ value: row.updated }),
      });
    }
    const fitted = fitJsonItems({
      items: tables,
      maxChars: maxStructuredChars - jsonLength({ database: input.database, tables: [], truncated: false }) - 16,
    });
    const table = renderTable({
      columns: ['table', 'rows', 'rows_exact', 'data_bytes', 'index_bytes', 'auto_increment', 'created', 'updated'],
      rows: fitted.items,
      totalRows: tables.length,
      maxChars,
      hint: 'Pass table to see one table.',
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return {
      structured: { database: input.database, tables: shown, truncated: shown.length < tables.length },
      text: table.text,
    };
  },
});

/** `2024-05-01T09:30:00` read in the UTC session, as ISO 8601 with its offset. */
function utcDateTime({ value }: { value: string | null }): string | null {
  return value === null || value.startsWith('0000') ? null : `${value.replace(' ', 'T')}Z`;
}
