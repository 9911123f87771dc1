import { serverFlavorOf } from './server-flavor.js';
import { readOnlyVariableOf, sessionSettingsStatement } from './session-settings.js';
import { pinnedSqlMode } from './sql/pinned-sql-mode.js';

describe('readOnlyVariableOf', () => {
  it('uses tx_read_only before MariaDB 11.1 and transaction_read_only from then on and on MySQL', () => {
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '10.11.19-MariaDB-0+deb12u1' }) })).toBe(
      'tx_read_only',
    );
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '5.5.5-10.6.4-MariaDB' }) })).toBe('tx_read_only');
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '11.0.2-MariaDB' }) })).toBe('tx_read_only');
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '11.1.1-MariaDB' }) })).toBe('transaction_read_only');
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '11.8.2-MariaDB-ubu2404' }) })).toBe(
      'transaction_read_only',
    );
    expect(readOnlyVariableOf({ flavor: serverFlavorOf({ version: '8.4.3' }) })).toBe('transaction_read_only');
  });
});

const charset =
  "character_set_client = 'utf8mb4', character_set_connection = 'utf8mb4', character_set_results = 'utf8mb4'";

describe('sessionSettingsStatement', () => {
  it('sets a read session in one statement: time limit, sql_mode, character set, UTC, read-only', () => {
    expect(
      sessionSettingsStatement({
        flavor: serverFlavorOf({ version: '10.11.19-MariaDB' }),
        queryTimeoutMs: 15_000,
        readOnly: true,
      }),
    ).toBe(
      `SET SESSION max_statement_time = 15.000, sql_mode = '${pinnedSqlMode}', ${charset}, time_zone = '+00:00', tx_read_only = 1`,
    );
    expect(
      sessionSettingsStatement({ flavor: serverFlavorOf({ version: '8.0.36' }), queryTimeoutMs: 500, readOnly: true }),
    ).toBe(
      `SET SESSION max_execution_time = 500, sql_mode = '${pinnedSqlMode}', ${charset}, time_zone = '+00:00', transaction_read_only = 1`,
    );
  });

  it('pins the time limit and sql_mode of a write session, with the time zone and transaction mode of the server', () => {
    expect(
      sessionSettingsStatement({ flavor: serverFlavorOf({ version: '8.0.36' }), queryTimeoutMs: 500, readOnly: false }),
    ).toBe(
      `SET SESSION max_execution_time = 500, sql_mode = '${pinnedSqlMode}', ${charset}, time_zone = DEFAULT, transaction_read_only = DEFAULT`,
    );
  });
});
