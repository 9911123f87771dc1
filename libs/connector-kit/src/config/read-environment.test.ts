import { ConnectorError } from '../errors/connector-error.js';
import {
  environmentBoolean,
  environmentEnum,
  environmentHost,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from './environment-schemas.js';
import { defineEnvironment } from './environment-spec.js';
import { readEnvironment, requireSetting } from './read-environment.js';

const spec = defineEnvironment({
  HOST: { description: 'host', schema: environmentString({ default: 'localhost' }) },
  PORT: { description: 'port', schema: environmentInteger({ min: 1, max: 65_535, default: 3306 }) },
  ALLOW: { description: 'writes', schema: environmentBoolean() },
  NAMES: { description: 'names', schema: environmentList() },
  URL: { description: 'url', schema: environmentUrl({ protocols: ['mysql:'] }) },
  MODE: { description: 'mode', schema: environmentEnum({ values: ['a', 'b'], default: 'a' }) },
  PASSWORD: { description: 'password', schema: environmentString(), secret: true },
});

function errorOf(action: () => unknown): ConnectorError {
  try {
    action();
  } catch (error) {
    if (ConnectorError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('readEnvironment', () => {
  it('applies defaults and treats blank values as unset', () => {
    expect(readEnvironment({ spec, environment: { HOST: '  ', NAMES: 'a, b,,c' } })).toEqual({
      HOST: 'localhost',
      PORT: 3306,
      ALLOW: false,
      NAMES: ['a', 'b', 'c'],
      URL: undefined,
      MODE: 'a',
      PASSWORD: undefined,
    });
  });

  it('parses typed values', () => {
    const values = readEnvironment({
      spec,
      environment: { PORT: '3307', ALLOW: 'true', URL: 'mysql://db:3306/x', MODE: 'b', PASSWORD: 'pw' },
    });
    expect(values).toMatchObject({ PORT: 3307, ALLOW: true, URL: 'mysql://db:3306/x', MODE: 'b', PASSWORD: 'pw' });
  });

  it('names every invalid variable and what it expects, in one error', () => {
    const error = errorOf(() =>
      readEnvironment({ spec, environment: { PORT: 'abc', ALLOW: 'maybe', URL: 'http://x', MODE: 'c' } }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toContain('PORT: expected a whole number from 1 to 65535 (got "abc")');
    expect(error.message).toContain('ALLOW: expected true or false (got "maybe")');
    expect(error.message).toContain('URL: the scheme http:// is not supported: use mysql:// (got "http://x")');
    expect(error.message).toContain('MODE: expected one of a, b (got "c")');
  });

  it('never echoes a secret value', () => {
    const strict = defineEnvironment({
      TOKEN: { description: 'token', schema: environmentInteger(), secret: true },
    });
    const error = errorOf(() => readEnvironment({ spec: strict, environment: { TOKEN: 'super-secret-token' } }));
    expect(error.message).toContain('TOKEN: expected a whole number');
    expect(error.message).not.toContain('super-secret-token');
  });
});

describe('environment schemas', () => {
  const read = (variables: Record<string, string>) => readEnvironment({ spec, environment: variables });

  it('tells a number out of range from one that is not a number', () => {
    expect(errorOf(() => read({ PORT: '99999' })).message).toBe(
      'Invalid configuration: PORT: 99999 is out of range: expected a whole number from 1 to 65535 (got "99999")',
    );
    expect(errorOf(() => read({ PORT: '3306.5' })).message).toContain(
      'PORT: expected a whole number from 1 to 65535 (got "3306.5")',
    );
  });

  it('reads booleans and enum values in any case', () => {
    expect(read({ ALLOW: ' TRUE ', MODE: 'B' })).toMatchObject({ ALLOW: true, MODE: 'b' });
    expect(read({ ALLOW: 'on' })).toMatchObject({ ALLOW: true });
    expect(read({ ALLOW: 'Off' })).toMatchObject({ ALLOW: false });
  });

  it('names the list item that is not valid', () => {
    const lists = defineEnvironment({
      BUCKETS: {
        description: 'buckets',
        schema: environmentList({ item: { pattern: /^[a-z0-9.-]+$/, expected: 'a bucket name' } }),
      },
    });
    expect(readEnvironment({ spec: lists, environment: { BUCKETS: 'logs, reports' } })).toEqual({
      BUCKETS: ['logs', 'reports'],
    });
    expect(errorOf(() => readEnvironment({ spec: lists, environment: { BUCKETS: 'logs,s3://reports' } })).message).toBe(
      'Invalid configuration: BUCKETS: "s3://reports" is not a bucket name (got "logs,s3://reports")',
    );
  });

  it('takes a host alone, and points a URL or a port to the variables that take them', () => {
    const hosts = defineEnvironment({
      DB_HOST: { description: 'host', schema: environmentHost({ urlVariable: 'DB_URL', portVariable: 'DB_PORT' }) },
    });
    const host = (value: string) => readEnvironment({ spec: hosts, environment: { DB_HOST: value } }).DB_HOST;
    const problem = (value: string) => errorOf(() => host(value)).message;
    expect(host('db.example.com')).toBe('db.example.com');
    expect(host('mysql_primary')).toBe('mysql_primary');
    expect(host('10.0.0.5')).toBe('10.0.0.5');
    expect(host('[::1]')).toBe('::1');
    expect(host('fe80::1')).toBe('fe80::1');
    expect(host('données.example')).toBe('données.example');
    expect(problem('my db')).toContain('DB_HOST: expected a host name or IP address');
    expect(problem('reader@db')).toContain('DB_HOST: expected a host name or IP address');
    expect(problem('db:3306')).toContain('DB_HOST: expected a host name without a port (set the port in DB_PORT)');
    expect(problem('mysql://db/shop')).toContain(
      'DB_HOST: expected a host name, not a URL (a whole URL goes in DB_URL)',
    );
    expect(problem('db/shop')).toContain('DB_HOST: expected a host name or IP address');
  });

  it('masks the credentials of a URL it echoes', () => {
    const message = errorOf(() => read({ URL: 'http://reader:hunter22@db' })).message;
    expect(message).toContain('(got "http://***@db")');
    expect(message).not.toContain('hunter22');
  });
});

describe('requireSetting', () => {
  it('names the variables that provide a missing setting', () => {
    const error = errorOf(() =>
      requireSetting({ value: undefined, variables: ['MYSQL_URL', 'MYSQL_HOST'], expected: 'the server' }),
    );
    expect(error.message).toBe('Missing configuration: set MYSQL_URL or MYSQL_HOST (the server).');
    expect(requireSetting({ value: 'x', variables: ['A'], expected: 'a' })).toBe('x');
  });
});
