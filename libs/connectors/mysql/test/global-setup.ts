import { seedMysqlSample, startMariadb, type MariadbServer } from '@connectormcp/services';

declare global {
  var mariadbForTests: MariadbServer | undefined;
}

export const largeTableRows = 1_000_000;

/** One MariaDB for the whole suite, seeded with the sample shop and a million-row `events` table. */
export default async function globalSetup(): Promise<void> {
  const server = await startMariadb();
  await seedMysqlSample({ url: server.url, database: 'shop', largeTableRows });
  await seedMysqlSample({ url: server.url, database: 'other' });
  globalThis.mariadbForTests = server;
  process.env.TEST_MYSQL_URL = server.url;
  process.env.TEST_MYSQL_HOST = server.host;
  process.env.TEST_MYSQL_PORT = String(server.port);
  process.env.TEST_MYSQL_PASSWORD = server.password;
}
