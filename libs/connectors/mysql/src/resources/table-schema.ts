import { defineResource } from '@connectormcp/connector-kit';
import type { MysqlContext } from '../mysql-context.js';
import { readRecords } from '../read-records.js';
import { describeTable } from '../tools/describe-table.js';

const maxListed = 500;

export const tableSchemaResource = defineResource<MysqlContext>({
  name: 'table-schema',
  title: 'Table schema',
  description: 'Columns, keys, indexes and foreign keys of one table, as JSON.',
  mimeType: 'application/json',
  uri: 'mysql://{database}/{table}/schema',
  async list({ context, signal }) {
    const rows = await readRecords<{ database: string; table: string }>({
      context,
      sql: `SELECT TABLE_SCHEMA AS \`database\`, TABLE_NAME AS \`table\` FROM information_schema.TABLES
             WHERE TABLE_SCHEMA NOT IN ('information_schema') ORDER BY TABLE_SCHEMA, TABLE_NAME`,
      signal,
      maxRows: 5000,
    });
    return rows
      .filter((row) => context.policy.isVisible(row.database))
      .slice(0, maxListed)
      .map((row) => ({
        uri: `mysql://${encodeURIComponent(row.database)}/${encodeURIComponent(row.table)}/schema`,
        name: `${row.database}.${row.table}`,
      }));
  },
  async read({ context, uri, variables, signal }) {
    const description = await describeTable({
      context,
      database: variables.database!,
      table: variables.table!,
      includeCreate: false,
      signal,
    });
    return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(description, null, 2) }];
  },
});
