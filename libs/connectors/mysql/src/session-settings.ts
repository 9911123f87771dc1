import mysql from 'mysql2/promise';
import type { ServerFlavor } from './server-flavor.js';
import { pinnedSqlMode } from './sql/pinned-sql-mode.js';

/**
 * MariaDB named the session's read-only switch `tx_read_only` until 11.1, which renamed it
 * `transaction_read_only` (the name MySQL has used since 5.7.20 and alone since 8.0).
 */
export function readOnlyVariableOf({ flavor }: { flavor: ServerFlavor }): string {
  if (flavor.kind === 'mysql') return 'transaction_read_only';
  const [, major = '0', minor = '0'] = /^(?:5\.5\.5-)?(\d+)\.(\d+)/.exec(flavor.version) ?? [];
  return Number(major) > 11 || (Number(major) === 11 && Number(minor) >= 1) ? 'transaction_read_only' : 'tx_read_only';
}

/**
 * Every setting a session needs, in one `SET SESSION` statement so it costs a single round trip: the time
 * limit, the pinned sql_mode and character set (so the server reads text as the guard does), and for reads UTC and a read-only
 * transaction mode. With `transaction_read_only` on, every statement's implicit transaction is read-only:
 * the server refuses a write, DDL included, even one that slipped past the guard.
 */
export function sessionSettingsStatement({
  flavor,
  queryTimeoutMs,
  readOnly,
}: {
  flavor: ServerFlavor;
  queryTimeoutMs: number;
  readOnly: boolean;
}): string {
  const assignments = [
    flavor.timeLimitAssignment({ milliseconds: queryTimeoutMs }),
    `sql_mode = ${mysql.escape(pinnedSqlMode)}`,
    // The lexer reads the statement as utf8mb4; a server that overrides the handshake's character set
    // (init_connect, skip-character-set-client-handshake) must not read its bytes in another one.
    "character_set_client = 'utf8mb4'",
    "character_set_connection = 'utf8mb4'",
    "character_set_results = 'utf8mb4'",
    // A write keeps the server's time zone (NOW() stored into a DATETIME means what it meant before) and
    // transaction mode, whatever a read set up on this pooled connection before.
    `time_zone = ${readOnly ? "'+00:00'" : 'DEFAULT'}`,
    `${readOnlyVariableOf({ flavor })} = ${readOnly ? '1' : 'DEFAULT'}`,
  ];
  return `SET SESSION ${assignments.join(', ')}`;
}
