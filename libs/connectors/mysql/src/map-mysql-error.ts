import { ConnectorError } from '@connectormcp/connector-kit';

interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  fatal?: boolean;
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'POOL_CLOSED',
  'HANDSHAKE_SSL_ERROR',
]);

/**
 * Maps mysql2 and server errors to stable codes. Server messages about access name the account and the
 * client host, so they are replaced; messages about the SQL itself are kept, they help fix the query.
 */
export function mapMysqlError(error: unknown): ConnectorError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code = '', errno, sqlMessage } = error as DriverError;
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR' || errno === 1045) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: 'The server refused the credentials: check MYSQL_USER and MYSQL_PASSWORD (or MYSQL_URL).',
      cause: error,
    });
  }
  if (
    [
      'ER_DBACCESS_DENIED_ERROR',
      'ER_TABLEACCESS_DENIED_ERROR',
      'ER_COLUMNACCESS_DENIED_ERROR',
      'ER_SPECIFIC_ACCESS_DENIED_ERROR',
      'ER_PROCACCESS_DENIED_ERROR',
    ].includes(code)
  ) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: `The database account lacks the privilege for this: ${(sqlMessage ?? '').replace(/ for user '[^']*'@'[^']*'/g, '').replace(/ to user '[^']*'@'[^']*'/g, '')}`,
      cause: error,
    });
  }
  if (code === 'ER_BAD_DB_ERROR')
    return new ConnectorError({ code: 'NOT_FOUND', message: sqlMessage ?? 'Unknown database.', cause: error });
  if (code === 'ER_NO_SUCH_TABLE' || code === 'ER_UNKNOWN_TABLE') {
    return new ConnectorError({ code: 'NOT_FOUND', message: sqlMessage ?? 'Unknown table.', cause: error });
  }
  if (code === 'ER_STATEMENT_TIMEOUT' || code === 'ER_QUERY_TIMEOUT' || errno === 1969 || errno === 3024) {
    return new ConnectorError({
      code: 'TIMEOUT',
      message:
        'The statement ran past the time limit (MYSQL_QUERY_TIMEOUT_MS) and was stopped on the server. Narrow it or add a LIMIT.',
      cause: error,
    });
  }
  if (
    code === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION' ||
    code === 'ER_OPTION_PREVENTS_STATEMENT' ||
    errno === 1792
  ) {
    return new ConnectorError({
      code: 'READ_ONLY',
      message: 'The statement would change data; reads run in a read-only transaction.',
      cause: error,
    });
  }
  if (unavailableCodes.has(code) || (error as DriverError).fatal) {
    return new ConnectorError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `The MySQL server could not be reached (${code || 'connection error'}); check the host and port (MYSQL_HOST and MYSQL_PORT, or MYSQL_URL) and that the server is running.`,
      retryable: true,
      cause: error,
    });
  }
  if (code.startsWith('ER_') && sqlMessage) {
    return new ConnectorError({ code: 'INVALID_INPUT', message: `MySQL: ${sqlMessage}`, cause: error });
  }
  return undefined;
}
