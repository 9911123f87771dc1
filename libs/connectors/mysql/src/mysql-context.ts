import type { Logger } from '@connectormcp/connector-kit';
import mysql from 'mysql2/promise';
import { createDatabaseAccessPolicy, type DatabaseAccessPolicy } from './database-access-policy.js';
import type { MysqlConfig } from './mysql-config.js';
import type { ServerFlavor } from './server-flavor.js';

export interface MysqlContext {
  config: MysqlConfig;
  policy: DatabaseAccessPolicy;
  pool: mysql.Pool;
  logger: Logger;
  /** Connection options, for the side connection that kills runaway statements. */
  connectionOptions: mysql.ConnectionOptions;
  /** Learned from the first connection (MariaDB or MySQL, version). */
  flavor?: ServerFlavor;
  close(): Promise<void>;
}

/** Builds the pool without connecting: the first tool call opens the first connection. */
export function createMysqlContext({ config, logger }: { config: MysqlConfig; logger: Logger }): MysqlContext {
  const connectionOptions: mysql.ConnectionOptions = {
    host: config.host,
    port: config.port,
    user: config.user,
    ...(config.password !== undefined ? { password: config.password } : {}),
    ...(config.database ? { database: config.database } : {}),
    ...(config.ssl ? { ssl: { ca: config.ssl.ca, rejectUnauthorized: config.ssl.rejectUnauthorized } } : {}),
    connectTimeout: 10_000,
    // One statement per call, and no client-side file reads for LOAD DATA LOCAL. Without -IGNORE_SPACE the
    // handshake would add IGNORE_SPACE to the session's sql_mode (mysql2 asks for it by default), and the
    // server would read `name (` as a function call where the guard reads a name.
    multipleStatements: false,
    flags: ['-MULTI_STATEMENTS', '-LOCAL_FILES', '-IGNORE_SPACE'],
    // BIGINT and DECIMAL as strings, date-times as text: JSON cannot carry them faithfully otherwise.
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    timezone: 'Z',
    charset: 'utf8mb4_general_ci',
    // No prepared statements are used; each session reset clears the driver's cache of them, which costs
    // time in proportion to its capacity (16000 by default).
    maxPreparedStatements: 1,
  };
  const pool = mysql.createPool({
    ...connectionOptions,
    connectionLimit: config.poolSize,
    maxIdle: config.poolSize,
    idleTimeout: 60_000,
    enableKeepAlive: true,
    waitForConnections: true,
    queueLimit: 100,
  });
  // A pooled connection that dies while idle emits 'error'; without a listener that would crash.
  pool.on('connection', (connection) => {
    connection.on('error', (error) =>
      logger.debug({ code: (error as { code?: string }).code }, 'pooled MySQL connection closed'),
    );
  });
  return {
    config,
    policy: createDatabaseAccessPolicy({
      ...(config.allowedDatabases ? { allowedDatabases: config.allowedDatabases } : {}),
      allowSystemSchemas: config.allowSystemSchemas,
    }),
    pool,
    logger,
    connectionOptions,
    async close() {
      await pool.end();
    },
  };
}
