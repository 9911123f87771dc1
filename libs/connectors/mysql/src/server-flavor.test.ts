import { serverFlavorOf } from './server-flavor.js';

describe('serverFlavorOf', () => {
  it('limits MariaDB statements with max_statement_time in seconds', () => {
    const flavor = serverFlavorOf({ version: '10.11.6-MariaDB-0+deb12u1' });
    expect(flavor.kind).toBe('mariadb');
    expect(flavor.timeLimitAssignment({ milliseconds: 15_000 })).toBe('max_statement_time = 15.000');
    expect(flavor.timeLimitAssignment({ milliseconds: 250 })).toBe('max_statement_time = 0.250');
  });

  it('limits MySQL statements with max_execution_time in milliseconds', () => {
    const flavor = serverFlavorOf({ version: '8.4.3' });
    expect(flavor.kind).toBe('mysql');
    expect(flavor.timeLimitAssignment({ milliseconds: 15_000 })).toBe('max_execution_time = 15000');
  });
});
