import { ConnectorError } from '../errors/connector-error.js';
import {
  environmentBoolean,
  environmentEnum,
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
    expect(error.message).toContain('URL: expected a URL starting with mysql:// (got "http://x")');
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

describe('requireSetting', () => {
  it('names the variables that provide a missing setting', () => {
    const error = errorOf(() =>
      requireSetting({ value: undefined, variables: ['MYSQL_URL', 'MYSQL_HOST'], expected: 'the server' }),
    );
    expect(error.message).toBe('Missing configuration: set MYSQL_URL or MYSQL_HOST (the server).');
    expect(requireSetting({ value: 'x', variables: ['A'], expected: 'a' })).toBe('x');
  });
});
