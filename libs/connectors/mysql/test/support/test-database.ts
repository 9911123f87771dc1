import mysql from 'mysql2/promise';
import type { MysqlConfigInput } from '../../src/mysql-config.js';

export function testConfig(overrides: Partial<MysqlConfigInput> = {}): MysqlConfigInput {
  return {
    host: process.env.TEST_MYSQL_HOST!,
    port: Number(process.env.TEST_MYSQL_PORT),
    user: 'root',
    password: process.env.TEST_MYSQL_PASSWORD!,
    database: 'shop',
    ...overrides,
  };
}

export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MYSQL_HOST: process.env.TEST_MYSQL_HOST!,
    MYSQL_PORT: process.env.TEST_MYSQL_PORT!,
    MYSQL_USER: 'root',
    MYSQL_PASSWORD: process.env.TEST_MYSQL_PASSWORD!,
    MYSQL_DATABASE: 'shop',
    ...overrides,
  };
}

/** An administrator connection for arranging and checking server state from outside the connector. */
export async function adminConnection(): Promise<mysql.Connection> {
  return mysql.createConnection({
    uri: process.env.TEST_MYSQL_URL!,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
}

/**
 * How many statements matching `like` are still running on the server, after giving a kill up to a
 * second to take effect (KILL QUERY is asynchronous on the server side).
 */
export async function runningStatements({ like }: { like: string }): Promise<number> {
  const admin = await adminConnection();
  try {
    let count = 0;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const [rows] = await admin.query(
        'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()',
        [like],
      );
      count = Number((rows as Array<{ n: string }>)[0]!.n);
      if (count === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return count;
  } finally {
    await admin.end();
  }
}
