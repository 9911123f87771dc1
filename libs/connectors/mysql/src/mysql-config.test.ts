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
      maxCellBytes: 4096,
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
      MYSQL_MAX_CELL_BYTES: '1024',
      MYSQL_MAX_RESULT_BYTES: '50000',
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
      maxCellBytes: 1024,
      maxResultBytes: 50_000,
      queryTimeoutMs: 2000,
      poolSize: 2,
      allowWrites: true,
    });
  });

  it('names the problem in MYSQL_URL precisely, never echoing the password', () => {
    const problem = (url: string, more: Record<string, string> = {}) => {
      try {
        fromEnvironment({ MYSQL_URL: url, ...more });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).not.toContain('hunter');
        return message;
      }
      throw new Error('expected an error');
    };
    expect(problem('mysql://reader:hunter#22@db:3306/shop')).toBe(
      'Invalid configuration: MYSQL_URL: the password contains "#", which must be percent-encoded in a URL: write it as %23',
    );
    expect(problem('mysql://reader:hunter/22@db:3306/shop')).toContain('the password contains "/"');
    expect(problem('mysql://reader:hunter22@db:99999/shop')).toBe(
      'Invalid configuration: MYSQL_URL: the port 99999 is out of range: expected 1 to 65535',
    );
    expect(problem('mysqls://reader:hunter22@db/shop')).toBe(
      'Invalid configuration: MYSQL_URL: the scheme mysqls:// is not supported: use mysql:// or mariadb:// (for TLS, set MYSQL_SSL_CA)',
    );
    expect(problem('reader:hunter22@db:3306/shop')).toBe(
      'Invalid configuration: MYSQL_URL: has no scheme: it must start with mysql:// or mariadb://, e.g. mysql://db.example.com:3306/shop',
    );
    expect(problem('mysql://reader:hunter22@db/shop?ssl=true')).toBe(
      'Invalid configuration: MYSQL_URL: options after "?" are not read: set TLS with MYSQL_SSL_CA, and limits with MYSQL_*',
    );
    expect(problem('mysql://reader:hunter22@db/shop/orders')).toContain('the path must be a single database name');
    expect(problem('mysql://reader:hunter22@db/shop', { MYSQL_HOST: 'db:3307' })).toBe(
      'Invalid configuration: MYSQL_HOST: expected a host name without a port (set the port in MYSQL_PORT) (got "db:3307")',
    );
    expect(problem('mysql://reader:hunter22@db/shop', { MYSQL_PORT: '99999' })).toContain(
      'MYSQL_PORT: 99999 is out of range: expected a whole number from 1 to 65535',
    );
  });

  it('reads percent-encoded reserved characters back, and an IPv6 host without its brackets', () => {
    expect(fromEnvironment({ MYSQL_URL: 'mysql://reader:pa%23s%2Fs%3F%25@db/shop' }).password).toBe('pa#s/s?%');
    expect(fromEnvironment({ MYSQL_URL: 'mysql://reader@[::1]:3307/shop' })).toMatchObject({ host: '::1', port: 3307 });
  });

  it('names what is missing or contradictory', () => {
    expect(() => fromEnvironment({ MYSQL_HOST: 'db' })).toThrow(/set MYSQL_URL or MYSQL_USER/);
    expect(() => fromEnvironment({ MYSQL_USER: 'reader', MYSQL_DATABASE: 'hr', MYSQL_DATABASES: 'shop' })).toThrow(
      /MYSQL_DATABASE "hr" is not in MYSQL_DATABASES/,
    );
    expect(() => fromEnvironment({ MYSQL_USER: 'reader', MYSQL_MAX_ROWS: '0' })).toThrow(/MYSQL_MAX_ROWS/);
  });
});
