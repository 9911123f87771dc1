import { fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { decimalString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { assertDatabaseExists } from '../assert-database-exists.js';
import { defineMysqlTool } from '../define-mysql-tool.js';
import { readRecords } from '../read-records.js';

export const listTables = defineMysqlTool({
  name: 'list_tables',
  title: 'List tables',
  description:
    'Lists the tables and views of a database with engine, estimated row count (from statistics, not exact) and comment. Use describe_table for columns.',
  input: z.object({
    database: z.string().min(1).max(64).describe('Database name, as listed by list_databases.'),
    name_like: z.string().max(64).optional().describe('Optional SQL LIKE pattern on the table name, e.g. "order%".'),
  }),
  output: z.object({
    database: z.string(),
    tables: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['table', 'view', 'system view', 'sequence', 'other']),
        engine: z.string().nullable(),
        estimated_rows: decimalString().nullable().describe('Row count estimated from statistics, not exact.'),
        comment: z.string(),
      }),
    ),
    truncated: z.boolean(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    await assertDatabaseExists({ context, database: input.database, signal });
    const rows = await readRecords<{
      name: string;
      type: string;
      engine: string | null;
      estimated_rows: string | null;
      comment: string | null;
    }>({
      context,
      sql: `SELECT TABLE_NAME AS name, TABLE_TYPE AS type, ENGINE AS engine, TABLE_ROWS AS estimated_rows, TABLE_COMMENT AS comment
              FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = ? ${input.name_like ? 'AND TABLE_NAME LIKE ?' : ''}
             ORDER BY TABLE_NAME`,
      params: input.name_like ? [input.database, input.name_like] : [input.database],
      signal,
    });
    const typeOf = (type: string) =>
      type === 'BASE TABLE'
        ? 'table'
        : type === 'VIEW'
          ? 'view'
          : type === 'SYSTEM VIEW'
            ? 'system view'
            : type === 'SEQUENCE'
              ? 'sequence'
              : 'other';
    const tables = rows.map((row) => ({
      name: row.name,
      type: typeOf(row.type) as 'table' | 'view' | 'system view' | 'sequence' | 'other',
      engine: row.engine,
      estimated_rows: row.estimated_rows === null ? null : String(row.estimated_rows),
      comment: row.comment ?? '',
    }));
    // Table comments (up to 2,048 characters) are capped; then the tables that fit are kept, in text and structured alike.
    const fitted = fitJsonItems({
      items: tables,
      maxChars: maxStructuredChars - jsonLength({ database: input.database, tables: [], truncated: false }) - 16,
      maxStringChars: 1000,
    });
    const table = renderTable({
      columns: ['name', 'type', 'engine', 'estimated_rows', 'comment'],
      rows: fitted.items,
      totalRows: tables.length,
      maxChars,
      hint: 'Pass name_like to narrow the list.',
    });
    return {
      structured: {
        database: input.database,
        tables: fitted.items.slice(0, table.shownRows),
        truncated: table.truncated || fitted.cutStrings > 0,
      },
      text: `Database ${input.database}:\n${table.text}`,
    };
  },
});
