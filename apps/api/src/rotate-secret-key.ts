// Re-encrypts every stored secret with CONNECTORMCP_SECRET_KEY: datasource secrets and header values, the
// refresh tokens of sign-in sessions, and alerts' webhook URLs and secrets. Rotation: set the new key as
// CONNECTORMCP_SECRET_KEY and the old one in CONNECTORMCP_PREVIOUS_SECRET_KEYS on every instance, run this
// once, then drop the old key.
import { apiConfigFromEnvironment } from './api-config.js';
import { openDatabase } from './database/open-database.js';
import { reencryptSecrets } from './datasources/reencrypt-secrets.js';
import { createSecretBox } from './datasources/secret-box.js';

const fail = (message: string) => {
  // The operator's to fix: one line saying what, never a value or a stack trace.
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
};

let config: ReturnType<typeof apiConfigFromEnvironment>;
try {
  config = apiConfigFromEnvironment({ environment: process.env });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!config!.secretKeys.current)
  fail(
    'CONNECTORMCP_SECRET_KEY: set the new key (32 random bytes as base64: openssl rand -base64 32), and the old one in CONNECTORMCP_PREVIOUS_SECRET_KEYS',
  );
const embedded = !config!.databaseUrl;
const database = await openDatabase(embedded ? { directory: config!.dataDirectory } : { url: config!.databaseUrl! });
try {
  const secretBox = createSecretBox({
    keys: config!.secretKeys,
    // A key generated beside the embedded database is an old key too.
    ...(embedded ? { dataDirectory: config!.dataDirectory } : {}),
    allowGenerated: false,
  });
  const counts = await reencryptSecrets({ database, secretBox });
  process.stdout.write(
    `Re-encrypted with key ${counts.keyId}: ${counts.secrets} secret(s) and ${counts.headers} header(s) of ${counts.datasources} datasource(s), ${counts.refreshTokens} session refresh token(s), ${counts.alertWebhooks} alert webhook(s). Running instances reload their datasources on their next request.\n`,
  );
} catch (error) {
  await database.close().catch(() => {});
  fail(error instanceof Error ? error.message : String(error));
}
await database.close();
