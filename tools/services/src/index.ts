export { findChromium } from './find-chromium.js';
export { findMariadb, type MariadbBinaries } from './find-mariadb.js';
export { freePort } from './free-port.js';
export { startMariadb, type MariadbServer } from './start-mariadb.js';
export { startS3Server, type S3Server } from './start-s3-server.js';
export { waitFor } from './wait-for.js';
export { seedMysqlSample, type SeedMysqlSampleOptions } from './seed-mysql-sample.js';
export { installPackedPackages, type InstalledPackages } from './install-packed-packages.js';
export { seedS3Sample, type SeedS3SampleOptions } from './seed-s3-sample.js';
export { createS3Client } from './create-s3-client.js';
export { startPostgres, type PostgresServer } from './start-postgres.js';
export { hasExited, stopChildProcess } from './stop-child-process.js';
export { createMysqlAccount, type MysqlAccount } from './create-mysql-account.js';
export { createCookieBrowser, type CookieBrowser, type SignInBrowser } from './create-cookie-browser.js';
export {
  startOidcProvider,
  type OidcClientRegistration,
  type OidcProvider,
  type OidcSignInResult,
  type OidcUser,
  type StartOidcProviderOptions,
} from './start-oidc-provider.js';
export { startSmtpServer, type ReceivedEmail, type SmtpServer } from './start-smtp-server.js';
export {
  startWebhookReceiver,
  type ReceivedRequest,
  type ReceiverReply,
  type WebhookReceiver,
} from './start-webhook-receiver.js';
