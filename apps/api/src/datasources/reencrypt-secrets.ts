import type { Database } from '../database/open-database.js';
import { SecretDecryptionError, type SecretBox } from './secret-box.js';

export interface ReencryptedCounts {
  datasources: number;
  secrets: number;
  headers: number;
  refreshTokens: number;
  /** Alerts' webhooks (URL and signing secret each). */
  alertWebhooks: number;
  keyId: string;
}

interface DatasourceSecretsRow {
  id: string;
  secrets: Record<string, string>;
  headers: Record<string, string>;
}

/** A value no key decrypts: which datasource and variable (or which kind of value), never the value. */
export class UndecryptableSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecryptableSecretError';
  }
}

const attempts = 3;

/**
 * Re-encrypts every datasource secret and header value, every stored refresh token and every alert's webhook
 * URL and secret with the current key, in one statement (all or nothing), and bumps the datasources' revision so running instances reload them.
 * A value changed meanwhile by a running instance makes the statement change nothing, and it is tried again.
 */
export async function reencryptSecrets({
  database,
  secretBox,
}: {
  database: Database;
  secretBox: SecretBox;
}): Promise<ReencryptedCounts> {
  if (!secretBox.keyId) throw new Error('CONNECTORMCP_SECRET_KEY: required, the key to encrypt with');
  for (let attempt = 1; ; attempt += 1) {
    const datasources = await database.query<DatasourceSecretsRow>(
      'SELECT id, secrets, headers FROM datasources ORDER BY id',
    );
    const sessions = await database.query<{ id_hash: string; refresh_token: string }>(
      'SELECT id_hash, refresh_token FROM auth_sessions WHERE refresh_token IS NOT NULL',
    );
    const webhooks = await database.query<{ id: string; webhook_url: string; webhook_secret: string }>(
      'SELECT id, webhook_url, webhook_secret FROM alert_rules WHERE webhook_url IS NOT NULL',
    );
    const reencrypt = ({ value, where }: { value: string; where: string }) => {
      try {
        return secretBox.encrypt(secretBox.decrypt(value));
      } catch (error) {
        if (error instanceof SecretDecryptionError) throw new UndecryptableSecretError(`${where}: ${error.message}`);
        throw error;
      }
    };
    const all = (values: Record<string, string>, where: string) =>
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, reencrypt({ value, where: `${where} ${name}` })]),
      );
    const datasourceValues = datasources.map((row) => ({
      id: row.id,
      old_secrets: row.secrets,
      old_headers: row.headers,
      secrets: all(row.secrets, `datasource ${row.id}, secret`),
      headers: all(row.headers, `datasource ${row.id}, header`),
    }));
    const sessionValues = sessions.map((row) => ({
      id_hash: row.id_hash,
      old: row.refresh_token,
      new: reencrypt({ value: row.refresh_token, where: 'a sign-in session refresh token' }),
    }));
    const webhookValues = webhooks.map((row) => ({
      id: row.id,
      old_url: row.webhook_url,
      old_secret: row.webhook_secret,
      url: reencrypt({ value: row.webhook_url, where: `alert ${row.id}, webhook URL` }),
      secret: reencrypt({ value: row.webhook_secret, where: `alert ${row.id}, webhook secret` }),
    }));
    const [result] = await database.query<{
      datasources: string | number;
      sessions: string | number;
      webhooks: string | number;
    }>(
      `WITH changed_datasources AS (
         UPDATE datasources d SET secrets = v.secrets, headers = v.headers
         FROM jsonb_to_recordset($1::jsonb) AS v(id text, old_secrets jsonb, old_headers jsonb, secrets jsonb, headers jsonb)
         WHERE d.id = v.id AND d.secrets = v.old_secrets AND d.headers = v.old_headers
         RETURNING d.id
       ), changed_sessions AS (
         UPDATE auth_sessions s SET refresh_token = v.new
         FROM jsonb_to_recordset($2::jsonb) AS v(id_hash text, old text, new text)
         WHERE s.id_hash = v.id_hash AND s.refresh_token = v.old
         RETURNING s.id_hash
       ), changed_webhooks AS (
         UPDATE alert_rules r SET webhook_url = v.url, webhook_secret = v.secret
         FROM jsonb_to_recordset($3::jsonb) AS v(id text, old_url text, old_secret text, url text, secret text)
         WHERE r.id = v.id AND r.webhook_url = v.old_url AND r.webhook_secret = v.old_secret
         RETURNING r.id
       ), bumped AS (UPDATE datasource_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision)
       SELECT (SELECT count(*) FROM changed_datasources) AS datasources,
              (SELECT count(*) FROM changed_sessions) AS sessions,
              (SELECT count(*) FROM changed_webhooks) AS webhooks,
              (SELECT revision FROM bumped) AS revision`,
      [JSON.stringify(datasourceValues), JSON.stringify(sessionValues), JSON.stringify(webhookValues)],
    );
    // A datasource changed meanwhile was re-encrypted by nobody: read again. (A refresh token replaced meanwhile
    // was written by a running instance with the current key already.)
    // So was an alert's webhook changed meanwhile (its new URL may be encrypted with the previous key).
    if (Number(result?.datasources) !== datasources.length || Number(result?.webhooks) !== webhooks.length) {
      if (attempt === attempts) throw new Error('datasources kept changing while their secrets were re-encrypted');
      continue;
    }
    return {
      datasources: datasources.length,
      secrets: datasourceValues.reduce((sum, row) => sum + Object.keys(row.secrets).length, 0),
      headers: datasourceValues.reduce((sum, row) => sum + Object.keys(row.headers).length, 0),
      refreshTokens: Number(result?.sessions ?? 0),
      alertWebhooks: webhooks.length,
      keyId: secretBox.keyId,
    };
  }
}
