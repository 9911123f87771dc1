import { ConnectorError } from '@connectormcp/connector-kit';

export const systemSchemas = ['mysql', 'performance_schema', 'sys'];
// Readable metadata, but it describes every database, so it is off when an allowlist narrows the view.
const metadataSchema = 'information_schema';
// Metadata views that show other sessions' statements and clients: as private as SHOW PROCESSLIST.
const sessionViews = [
  'processlist',
  'innodb_trx',
  'innodb_locks',
  'innodb_lock_waits',
  'client_statistics',
  'user_statistics',
];

export interface DatabaseAccessPolicy {
  /** MYSQL_DATABASES narrows the view: statements whose tables cannot be read are refused. */
  hasAllowlist: boolean;
  /** Whether a database shows up in listings. */
  isVisible(database: string): boolean;
  /** Throws when a statement may not read from `database` (`table` is for the message). */
  assertReadable(options: { database: string; table?: string }): void;
}

export function createDatabaseAccessPolicy({
  allowedDatabases,
  allowSystemSchemas,
}: {
  allowedDatabases?: string[];
  allowSystemSchemas: boolean;
}): DatabaseAccessPolicy {
  const allowed = allowedDatabases ? new Set(allowedDatabases.map((name) => name.toLowerCase())) : undefined;
  const isSystem = (name: string) => systemSchemas.includes(name.toLowerCase());
  const isVisible = (database: string) => {
    const name = database.toLowerCase();
    if (allowed) return allowed.has(name);
    if (name === metadataSchema) return false;
    return allowSystemSchemas || !isSystem(name);
  };
  return {
    hasAllowlist: allowed !== undefined,
    isVisible,
    assertReadable({ database, table }) {
      const name = database.toLowerCase();
      const what = table ? `${database}.${table}` : database;
      if (name === metadataSchema && table && !allowSystemSchemas && sessionViews.includes(table.toLowerCase())) {
        throw new ConnectorError({
          code: 'ACCESS_DENIED',
          message: `Reading ${what} is refused: it shows other sessions' statements (MYSQL_ALLOW_SYSTEM_SCHEMAS).`,
        });
      }
      if (allowed ? allowed.has(name) : name === metadataSchema || allowSystemSchemas || !isSystem(name)) return;
      throw new ConnectorError({
        code: 'ACCESS_DENIED',
        message: isSystem(name)
          ? `Reading ${what} is refused: system schemas are off limits (MYSQL_ALLOW_SYSTEM_SCHEMAS).`
          : `Reading ${what} is refused: database ${database} is not in MYSQL_DATABASES.`,
      });
    },
  };
}
