import { createConnectorServer, type ConnectorServer, type Logger } from '@connectormcp/connector-kit';
import { resolveMysqlConfig, type MysqlConfig, type MysqlConfigInput } from './mysql-config.js';
import { mysqlConnector } from './mysql-connector.js';
import type { MysqlContext } from './mysql-context.js';

/** An MCP server over a MySQL/MariaDB config; connect it to any transport, call `cleanup` to close the pool. */
export function createMysqlServer(
  config: MysqlConfigInput,
  { logger, maxResultChars }: { logger?: Logger; maxResultChars?: number } = {},
): ConnectorServer<MysqlConfig, MysqlContext> {
  return createConnectorServer({
    connector: mysqlConnector,
    config: resolveMysqlConfig(config),
    ...(logger ? { logger } : {}),
    ...(maxResultChars ? { maxResultChars } : {}),
  });
}
