import { readFileSync } from 'node:fs';
import { mapMysqlError } from './map-mysql-error.js';

// Shapes of mysql2 errors as the driver raised them against MariaDB 10.11 (and MySQL 8 for ER_QUERY_TIMEOUT).
const errors = JSON.parse(
  readFileSync(new URL('./__fixtures__/driver-errors.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;
const mapped = (name: string) => {
  const error = mapMysqlError(Object.assign(new Error(String(errors[name]!.message)), errors[name]));
  return { code: error?.code, message: error?.message };
};

describe('mapMysqlError', () => {
  it('maps refused credentials to ACCESS_DENIED without the account or the client host', () => {
    const { code, message } = mapped('accessDenied');
    expect(code).toBe('ACCESS_DENIED');
    expect(message).not.toMatch(/root|127\.0\.0\.1/);
  });

  it('keeps the table but drops the account from privilege errors', () => {
    const { code, message } = mapped('tableAccessDenied');
    expect(code).toBe('ACCESS_DENIED');
    expect(message).toContain('`shop`.`secrets`');
    expect(message).not.toMatch(/reader|10\.0\.0\.7/);
  });

  it.each([
    ['unknownTable', 'NOT_FOUND', /missing_table/],
    ['unknownDatabase', 'NOT_FOUND', /nowhere/],
    ['mariadbStatementTimeout', 'TIMEOUT', /MYSQL_QUERY_TIMEOUT_MS/],
    ['mysqlExecutionTimeout', 'TIMEOUT', /MYSQL_QUERY_TIMEOUT_MS/],
    ['readOnlyTransaction', 'READ_ONLY', /read-only transaction/],
    ['connectionRefused', 'UPSTREAM_UNAVAILABLE', /ECONNREFUSED/],
    ['serverRestarted', 'UPSTREAM_UNAVAILABLE', /PROTOCOL_CONNECTION_LOST/],
    ['syntax', 'INVALID_INPUT', /^MySQL: You have an error in your SQL syntax/],
  ])('maps %s to %s', (name, code, message) => {
    expect(mapped(name)).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('leaves errors it does not know to the kit', () => {
    expect(mapMysqlError(new Error('something else'))).toBeUndefined();
    expect(mapMysqlError('text')).toBeUndefined();
  });
});
