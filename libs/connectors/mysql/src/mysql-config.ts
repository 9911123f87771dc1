import { ConnectorError, readEnvironment, requireSetting } from '@connectormcp/connector-kit';
import { mysqlEnvironment } from './mysql-environment.js';

export interface MysqlConfig {
  host: string;
  port: number;
  user: string;
  password?: string;
  /** Default database for statements that do not name one. */
  database?: string;
  /** Databases that may be seen and read; all when undefined. */
  allowedDatabases?: string[];
  allowSystemSchemas: boolean;
  ssl?: { ca: string; rejectUnauthorized: boolean };
  maxRows: number;
  /** Bytes of one value a query returns at most. */
  maxCellBytes: number;
  /** Bytes of a query result as JSON at most; the structured budget (MCP_STRUCTURED_MAX_CHARS) when undefined, and never above it. */
  maxResultBytes?: number;
  queryTimeoutMs: number;
  poolSize: number;
  allowWrites: boolean;
}

/** What a library user passes to `createMysqlServer`; everything but the user has a default. */
export type MysqlConfigInput = Pick<MysqlConfig, 'user'> & Partial<MysqlConfig>;

export function resolveMysqlConfig(input: MysqlConfigInput): MysqlConfig {
  return {
    host: '127.0.0.1',
    port: 3306,
    allowSystemSchemas: false,
    maxRows: 200,
    maxCellBytes: 4096,
    queryTimeoutMs: 15_000,
    poolSize: 5,
    allowWrites: false,
    ...input,
  };
}

// The schema has checked the URL (scheme, encoding of the credentials, port, host); what is left is
// what only a MySQL URL can get wrong.
function fromUrl(value: string): Partial<MysqlConfig> {
  const url = new URL(value);
  const invalid = (problem: string) =>
    new ConnectorError({ code: 'INVALID_CONFIG', message: `Invalid configuration: MYSQL_URL: ${problem}` });
  // Options such as ?ssl=true are not read: ignoring them silently would leave a connection unencrypted
  // that its owner believes is.
  if (url.search) throw invalid('options after "?" are not read: set TLS with MYSQL_SSL_CA, and limits with MYSQL_*');
  if (url.hash) throw invalid('has a "#" after the host: remove it, or write it as %23 if it is part of a name');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database.includes('/')) throw invalid('the path must be a single database name, as in mysql://host/shop');
  return {
    // An IPv6 address comes bracketed in a URL; the driver wants it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(database ? { database } : {}),
  };
}

export function mysqlConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): MysqlConfig {
  const values = readEnvironment({ spec: mysqlEnvironment, environment });
  const url = values.MYSQL_URL ? fromUrl(values.MYSQL_URL) : {};
  const user = requireSetting({
    value: values.MYSQL_USER ?? url.user,
    variables: ['MYSQL_URL', 'MYSQL_USER'],
    expected: 'the account to connect as',
  });
  const allowed = values.MYSQL_DATABASES;
  const database = values.MYSQL_DATABASE ?? url.database;
  if (allowed && database && !allowed.includes(database)) {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Invalid configuration: MYSQL_DATABASE "${database}" is not in MYSQL_DATABASES.`,
    });
  }
  return resolveMysqlConfig({
    ...url,
    ...(values.MYSQL_HOST ? { host: values.MYSQL_HOST } : {}),
    ...(values.MYSQL_PORT ? { port: values.MYSQL_PORT } : {}),
    user,
    ...(values.MYSQL_PASSWORD !== undefined ? { password: values.MYSQL_PASSWORD } : {}),
    ...(database ? { database } : {}),
    ...(allowed ? { allowedDatabases: allowed } : {}),
    allowSystemSchemas: values.MYSQL_ALLOW_SYSTEM_SCHEMAS,
    ...(values.MYSQL_SSL_CA
      ? { ssl: { ca: values.MYSQL_SSL_CA, rejectUnauthorized: values.MYSQL_SSL_REJECT_UNAUTHORIZED } }
      : {}),
    maxRows: values.MYSQL_MAX_ROWS,
    maxCellBytes: values.MYSQL_MAX_CELL_BYTES,
    ...(values.MYSQL_MAX_RESULT_BYTES ? { maxResultBytes: values.MYSQL_MAX_RESULT_BYTES } : {}),
    queryTimeoutMs: values.MYSQL_QUERY_TIMEOUT_MS,
    poolSize: values.MYSQL_POOL_SIZE,
    allowWrites: values.MYSQL_ALLOW_WRITES,
  });
}
