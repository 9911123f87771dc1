import { fitJsonItems, renderTable } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { systemSchemas } from '../database-access-policy.js';
import { defineMysqlTool } from '../define-mysql-tool.js';
import { readRecords } from '../read-records.js';

export const listDatabases = defineMysqlTool({
  name: 'list_databases',
  title: 'List databases',
  description:
    'Lists the databases this connection may read, with their table counts and character sets. System schemas (mysql, performance_schema, sys) are hidden unless include_system is true.',
  input: z.object({
    include_system: z
      .boolean()
      .default(false)
      .describe('Also list the system schemas (reading them may still be refused).'),
  }),
  output: z.object({
    databases: z.array(
      z.object({
        name: z.string(),
        tables: z.number(),
        character_set: z.string().nullable(),
        collation: z.string().nullable(),
      }),
    ),
    truncated: z
      .boolean()
      .describe('True when more databases exist than shown; set MYSQL_DATABASES to the ones that matter.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const rows = await readRecords<{
      name: string;
      tables: string;
      character_set: string | null;
      collation: string | null;
    }>({
      context,
      sql: `SELECT s.SCHEMA_NAME AS name, COUNT(t.TABLE_NAME) AS tables,
                   s.DEFAULT_CHARACTER_SET_NAME AS character_set, s.DEFAULT_COLLATION_NAME AS collation
              FROM information_schema.SCHEMATA s
              LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME
             GROUP BY s.SCHEMA_NAME, s.DEFAULT_CHARACTER_SET_NAME, s.DEFAULT_COLLATION_NAME
             ORDER BY s.SCHEMA_NAME`,
      signal,
    });
    const databases = rows
      .filter(
        (row) =>
          context.policy.isVisible(row.name) ||
          (input.include_system && systemSchemas.includes(row.name.toLowerCase()) && !context.config.allowedDatabases),
      )
      .map((row) => ({ ...row, tables: Number(row.tables) }));
    const fitted = fitJsonItems({ items: databases, maxChars: maxStructuredChars - 64 });
    const table = renderTable({
      columns: ['name', 'tables', 'character_set', 'collation'],
      rows: fitted.items,
      totalRows: databases.length,
      maxChars,
      hint: 'Set MYSQL_DATABASES to the databases that matter.',
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return { structured: { databases: shown, truncated: shown.length < databases.length }, text: table.text };
  },
});
