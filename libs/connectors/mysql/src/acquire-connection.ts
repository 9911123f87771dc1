import type { RowDataPacket } from 'mysql2';
import type { PoolConnection } from 'mysql2/promise';
import type { MysqlContext } from './mysql-context.js';
import { serverFlavorOf } from './server-flavor.js';

/** The connection was lost (the server restarted or dropped it), so the statement never ran. */
export function isStaleConnectionError(error: unknown): boolean {
  const { fatal, code } = (error ?? {}) as { fatal?: boolean; code?: string };
  return Boolean(fatal) || code === 'PROTOCOL_CONNECTION_LOST' || code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * Takes a pooled connection and runs `prepare` on it. A connection that went stale while idle (the
 * server restarted) fails on its first statement; it is dropped and a fresh one tried once, so the pool
 * heals itself without the caller seeing an error.
 */
export async function acquireConnection({
  context,
  prepare,
}: {
  context: MysqlContext;
  prepare: (connection: PoolConnection) => Promise<void>;
}): Promise<PoolConnection> {
  for (let attempt = 1; ; attempt += 1) {
    const connection = await context.pool.getConnection();
    try {
      if (!context.flavor) {
        const [rows] =
          await connection.query<Array<{ version: string } & RowDataPacket>>('SELECT VERSION() AS version');
        context.flavor = serverFlavorOf({ version: rows[0]!.version });
      }
      await prepare(connection);
      return connection;
    } catch (error) {
      connection.destroy();
      if (attempt >= 2 || !isStaleConnectionError(error)) throw error;
    }
  }
}
