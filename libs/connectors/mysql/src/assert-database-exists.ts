import { ConnectorError } from '@connectormcp/connector-kit';
import type { MysqlContext } from './mysql-context.js';
import { readRecords } from './read-records.js';

/** Refuses databases outside the allowlist as if they did not exist, and names unknown ones. */
export async function assertDatabaseExists({
  context,
  database,
  signal,
}: {
  context: MysqlContext;
  database: string;
  signal: AbortSignal;
}): Promise<void> {
  context.policy.assertReadable({ database });
  const rows = await readRecords({
    context,
    sql: 'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
    params: [database],
    signal,
  });
  if (rows.length === 0) {
    throw new ConnectorError({
      code: 'NOT_FOUND',
      message: `Database ${database} does not exist. Use list_databases to see the available ones.`,
    });
  }
}
