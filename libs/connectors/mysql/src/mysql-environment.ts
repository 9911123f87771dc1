import {
  defineEnvironment,
  environmentBoolean,
  environmentHost,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from '@connectormcp/connector-kit';

export const mysqlEnvironment = defineEnvironment({
  MYSQL_URL: {
    description:
      'Connection URL, mysql://user:password@host:3306/database (instead of the separate variables); percent-encode # / ? % in the user name and password (# as %23).',
    schema: environmentUrl({
      protocols: ['mysql:', 'mariadb:'],
      // Without credentials: the redactor would hide a user:password@ example in the message.
      example: 'mysql://db.example.com:3306/shop',
      schemeHints: {
        'mysqls:': 'for TLS, set MYSQL_SSL_CA',
        'mysqlx:': 'the X protocol is not supported; use the classic port, 3306 by default',
      },
    }),
    secret: true,
    placeholder: 'mysql://reader@db.example.com:3306/shop',
  },
  MYSQL_HOST: {
    description: 'Server host name (default 127.0.0.1).',
    schema: environmentHost({ urlVariable: 'MYSQL_URL', portVariable: 'MYSQL_PORT' }),
    askAtInstall: true,
    placeholder: 'db.example.com',
  },
  MYSQL_PORT: {
    description: 'Server port (default 3306).',
    schema: environmentInteger({ min: 1, max: 65_535 }),
    placeholder: '3306',
  },
  MYSQL_USER: {
    description: 'User name, needed unless MYSQL_URL names one; a read-only account is recommended.',
    schema: environmentString(),
    askAtInstall: true,
    placeholder: 'reader',
  },
  MYSQL_PASSWORD: {
    description: 'Password of MYSQL_USER.',
    schema: environmentString(),
    secret: true,
    askAtInstall: true,
  },
  MYSQL_DATABASE: {
    description: 'Default database for queries that do not name one.',
    schema: environmentString(),
    askAtInstall: true,
    placeholder: 'shop',
  },
  MYSQL_DATABASES: {
    description: 'Allowlist of databases, comma-separated: others are invisible and refused.',
    schema: environmentList(),
    placeholder: 'shop,analytics',
  },
  MYSQL_ALLOW_SYSTEM_SCHEMAS: {
    description: 'Allow reads from mysql, performance_schema and sys (default false).',
    schema: environmentBoolean(),
  },
  MYSQL_SSL_CA: {
    description: 'PEM text of the CA certificate to verify the server with (enables TLS).',
    schema: environmentString(),
  },
  MYSQL_SSL_REJECT_UNAUTHORIZED: {
    description: 'Verify the server certificate when TLS is used (default true).',
    schema: environmentBoolean({ default: true }),
  },
  MYSQL_MAX_ROWS: {
    description: 'Default and maximum rows a query returns (default 200, at most 10000).',
    schema: environmentInteger({ min: 1, max: 10_000, default: 200 }),
  },
  MYSQL_MAX_CELL_BYTES: {
    description:
      'Bytes of one value a query returns at most; a longer value is cut with a marker and listed (default 4096).',
    schema: environmentInteger({ min: 64, max: 1_048_576, default: 4096 }),
  },
  MYSQL_MAX_RESULT_BYTES: {
    description:
      'Bytes of a query result as JSON at most; reading stops before the row that would pass it (default and upper bound: the structured budget, MCP_STRUCTURED_MAX_CHARS).',
    schema: environmentInteger({ min: 1000, max: 10_000_000 }),
  },
  MYSQL_QUERY_TIMEOUT_MS: {
    description: 'Server-side time limit of each statement in milliseconds (default 15000).',
    schema: environmentInteger({ min: 100, max: 3_600_000, default: 15_000 }),
  },
  MYSQL_POOL_SIZE: {
    description: 'Connections in the pool (default 5).',
    schema: environmentInteger({ min: 1, max: 100, default: 5 }),
  },
  MYSQL_ALLOW_WRITES: {
    description: 'Register execute_statement for INSERT/UPDATE/DELETE/DDL (default false).',
    schema: environmentBoolean(),
  },
});
