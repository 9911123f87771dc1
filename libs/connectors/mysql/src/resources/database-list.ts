import { defineResource } from '@connectormcp/connector-kit';
import type { MysqlContext } from '../mysql-context.js';
import { readRecords } from '../read-records.js';

export const databaseListResource = defineResource<MysqlContext>({
  name: 'databases',
  title: 'Databases',
  description: 'The databases this connection may read, as JSON.',
  mimeType: 'application/json',
  uri: 'mysql://databases',
  async read({ context, uri, signal }) {
    const rows = await readRecords<{ name: string }>({
      context,
      sql: 'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME',
      signal,
    });
    const names = rows.map((row) => row.name).filter((name) => context.policy.isVisible(name));
    return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(names) }];
  },
});
