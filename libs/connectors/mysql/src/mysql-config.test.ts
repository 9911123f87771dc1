import { mysqlConfigFromEnvironment } from './mysql-config.js';

const fromEnvironment = (environment: Record<string, string>) => mysqlConfigFromEnvironment({ environment });

describe('mysqlConfigFromEnvironment', () => {
  it('reads a URL, decoding credentials, with defaults for the rest', () => {
    expect(fromEnvironment({ MYSQL_URL: 'mysql://re%40der:p%3Ass@db.example.com:3307/shop' })).toEqual({
      host: 'db.example.com',
      port: 3307,
      user: 're@der',
      password: 'p:ss',
      database: 'shop',
      allowSystemSchemas: false,
      maxRows: 200,
      queryTimeoutMs: 15_000,
      poolSize: 5,
      allowWrites: false,
    });
  });

  it('lets separate variables override the URL and reads TLS, limits and the allowlist', () => {
    const config = fromEnvironment({
      MYSQL_URL: 'mariadb://reader:secret@db/shop',
      MYSQL_HOST: 'replica',
      MYSQL_DATABASES: 'shop, analytics',
      MYSQL_SSL_CA: '-----BEGIN CERTIFICATE-----',
      MYSQL_SSL_REJECT_UNAUTHORIZED: 'false',
      MYSQL_MAX_ROWS: '50',
      MYSQL_QUERY_TIMEOUT_MS: '2000',
      MYSQL_POOL_SIZE: '2',
      MYSQL_ALLOW_WRITES: 'true',
    });
    expect(config).toMatchObject({
      host: 'replica',
      port: 3306,
      user: 'reader',
      allowedDatabases: ['shop', 'analytics'],
      ssl: { ca: '-----BEGIN CERTIFICATE-----', rejectUnauthorized: false },
      maxRows: 50,
      queryTimeoutMs: 2000,
      poolSize: 2,
      allowWrites: true,
    });
  });

  it('names what is missing or contradictory', () => {
    expect(() => fromEnvironment({ MYSQL_HOST: 'db' })).toThrow(/set MYSQL_URL or MYSQL_USER/);
    expect(() => fromEnvironment({ MYSQL_USER: 'reader', MYSQL_DATABASE: 'hr', MYSQL_DATABASES: 'shop' })).toThrow(
      /MYSQL_DATABASE "hr" is not in MYSQL_DATABASES/,
    );
    expect(() => fromEnvironment({ MYSQL_USER: 'reader', MYSQL_MAX_ROWS: '0' })).toThrow(/MYSQL_MAX_ROWS/);
  });
});
