import {
  seedMysqlSample,
  seedS3Sample,
  startMariadb,
  startS3Server,
  type MariadbServer,
  type S3Server,
} from '@connectormcp/services';

declare global {
  var orchestratorServices: { mariadb: MariadbServer; s3: S3Server } | undefined;
}

/** Real services for the end-to-end runs: MariaDB with the sample shop (and a large table), s3rver with sample files. */
export default async function globalSetup(): Promise<void> {
  const mariadb = await startMariadb();
  await seedMysqlSample({ url: mariadb.url, database: 'shop', largeTableRows: 200_000 });
  const s3 = await startS3Server();
  await seedS3Sample({ endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  globalThis.orchestratorServices = { mariadb, s3 };
  process.env.TEST_MARIADB_URL = mariadb.url;
  process.env.TEST_S3_ENVIRONMENT = JSON.stringify(s3.environment);
}
