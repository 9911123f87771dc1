import mysql from 'mysql2/promise';
import type { MysqlContext } from './mysql-context.js';

/**
 * Stops a statement on the server from a side connection. Closing the client socket is not enough: the
 * server would go on running it (SLEEP, BENCHMARK, a cartesian join) long after the client gave up.
 */
export async function killQuery({ context, threadId }: { context: MysqlContext; threadId: number }): Promise<void> {
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({ ...context.connectionOptions, connectTimeout: 5000 });
    await connection.query('KILL QUERY ?', [threadId]);
  } catch (error) {
    context.logger.warn({ threadId, code: (error as { code?: string }).code }, 'could not kill a running statement');
  } finally {
    await connection?.end().catch(() => connection?.destroy());
  }
}
