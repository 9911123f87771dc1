import { defineConnector } from '@connectormcp/connector-kit';
import { inspectGrants } from './inspect-grants.js';
import { mapMysqlError } from './map-mysql-error.js';
import { mysqlConfigFromEnvironment, type MysqlConfig } from './mysql-config.js';
import { createMysqlContext, type MysqlContext } from './mysql-context.js';
import { mysqlEnvironment } from './mysql-environment.js';
import { packageVersion } from './package-version.js';
import { readRecords } from './read-records.js';
import { mysqlResources } from './resources/index.js';
import { mysqlTools } from './tools/index.js';

export const mysqlConnector = defineConnector<MysqlConfig, MysqlContext>({
  name: 'mysql',
  packageName: '@connectormcp/mysql',
  title: 'MySQL',
  version: packageVersion,
  instructions:
    'Read-only access to MySQL/MariaDB. Start with list_databases and list_tables, use describe_table before writing SQL, then execute_query with LIMIT and ? placeholders. Results are capped by max_rows and a character budget; narrow queries rather than paging through large tables.',
  environment: mysqlEnvironment,
  allowWritesVariable: 'MYSQL_ALLOW_WRITES',
  configFromEnvironment: mysqlConfigFromEnvironment,
  secretsOf: ({ config }) => [config.password],
  createContext: createMysqlContext,
  // Tools list the default database in their input schemas, so a client does not ask for it.
  inputDefaults: ({ config }) => (config.database ? { database: config.database } : {}),
  tools: mysqlTools,
  resources: mysqlResources,
  mapError: mapMysqlError,
  async onStart({ context, logger, signal }) {
    const grants = await readRecords<Record<string, string>>({ context, sql: 'SHOW GRANTS', signal });
    for (const warning of inspectGrants({ grants: grants.map((row) => Object.values(row)[0] ?? '') }))
      logger.warn(warning);
  },
  async check({ context, signal }) {
    const [identity] = await readRecords<{ version: string; user: string }>({
      context,
      sql: 'SELECT VERSION() AS version, CURRENT_USER() AS user',
      signal,
    });
    const grants = await readRecords<Record<string, string>>({ context, sql: 'SHOW GRANTS', signal });
    const warnings = inspectGrants({ grants: grants.map((row) => Object.values(row)[0] ?? '') });
    const mode = context.config.allowWrites ? 'writes enabled' : 'read-only';
    return {
      summary: `connected to ${context.flavor?.kind === 'mariadb' ? 'MariaDB' : 'MySQL'} ${identity?.version ?? ''} at ${context.config.host}:${context.config.port} as ${identity?.user ?? context.config.user} (${mode})`,
      warnings,
    };
  },
});
