import { randomBytes } from 'node:crypto';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import { hashToken, randomToken } from './hash-token.js';
import { userColumns, type UserRow } from './user-row.js';

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;

/** Personal API keys start with this, so the middleware knows where to look them up. */
export const personalKeyPrefix = 'cmcp_';

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string | Date;
  last_used_at: string | Date | null;
}

const toApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: isoTimestamp(row.created_at),
  lastUsedAt: row.last_used_at === null ? null : isoTimestamp(row.last_used_at),
});

/** Personal API keys: only their sha256 is stored; the key itself is shown once, when created. */
export function createApiKeyStore({ database }: { database: Database }) {
  return {
    async create({ userId, name }: { userId: string; name: string }) {
      const key = `${personalKeyPrefix}${randomToken()}`;
      const [row] = await database.query<ApiKeyRow>(
        `INSERT INTO api_keys (id, user_id, name, key_hash, prefix) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, name, prefix, created_at, last_used_at`,
        [`k_${randomBytes(12).toString('hex')}`, userId, name, hashToken(key), key.slice(0, 12)],
      );
      return { ...toApiKey(row!), key };
    },
    async list({ userId }: { userId: string }) {
      const rows = await database.query<ApiKeyRow>(
        `SELECT id, name, prefix, created_at, last_used_at FROM api_keys
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
        [userId],
      );
      return rows.map(toApiKey);
    },
    /** False when the key is not this user's, or already revoked. */
    async revoke({ userId, id }: { userId: string; id: string }): Promise<{ name: string } | undefined> {
      const [row] = await database.query<{ name: string }>(
        `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING name`,
        [id, userId],
      );
      return row;
    },
    /** The live key with this value and its user, if any. */
    async findByKey({ key }: { key: string }) {
      const [row] = await database.query<UserRow & { key_id: string; key_last_used_at: string | Date | null }>(
        `SELECT api_keys.id AS key_id, api_keys.last_used_at AS key_last_used_at, ${userColumns}
         FROM api_keys JOIN users ON users.id = api_keys.user_id
         WHERE api_keys.key_hash = $1 AND api_keys.revoked_at IS NULL`,
        [hashToken(key)],
      );
      return row;
    },
    async touch({ id }: { id: string }): Promise<void> {
      await database.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [id]);
    },
  };
}
