import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export interface MysqlAccount {
  user: string;
  /** New for every call: 24 random bytes, URL-safe so that it needs no encoding in a mysql:// URL. */
  password: string;
}

/**
 * Creates (or replaces) an account reachable over TCP from loopback with `privileges` on `database` only,
 * e.g. `SELECT, SHOW VIEW` for a reader. The administrator URL is used here and nowhere else.
 */
export async function createMysqlAccount({
  adminUrl,
  user,
  database,
  privileges,
}: {
  /** An administrator URL, e.g. `MariadbServer.url`. */
  adminUrl: string;
  user: string;
  database: string;
  privileges: string[];
}): Promise<MysqlAccount> {
  const password = randomBytes(24).toString('base64url');
  const connection = await mysql.createConnection({ uri: adminUrl });
  try {
    const account = `${connection.escape(user)}@'127.0.0.1'`;
    await connection.query(`CREATE OR REPLACE USER ${account} IDENTIFIED BY ${connection.escape(password)}`);
    await connection.query(`GRANT ${privileges.join(', ')} ON ${mysql.escapeId(database)}.* TO ${account}`);
    return { user, password };
  } finally {
    await connection.end();
  }
}
