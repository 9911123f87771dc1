export { createMysqlServer } from './create-mysql-server.js';
export {
  mysqlConfigFromEnvironment,
  resolveMysqlConfig,
  type MysqlConfig,
  type MysqlConfigInput,
} from './mysql-config.js';
export { mysqlConnector } from './mysql-connector.js';
export type { MysqlContext } from './mysql-context.js';
export { mysqlEnvironment } from './mysql-environment.js';
export { guardReadStatement, type GuardedStatement, type StatementKind } from './sql/read-only-guard.js';
export { packageVersion } from './package-version.js';
