import type { Database } from '../database/open-database.js';
import { hashToken } from './hash-token.js';
import { userColumns, type UserRow } from './user-row.js';

export type AuthSessionStore = ReturnType<typeof createAuthSessionStore>;

export interface AuthSessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  /** Encrypted with the secret box. */
  refresh_token: string | null;
  id_token: string | null;
  tokens_expire_at: string | Date | null;
  last_seen_at: string | Date;
  expires_at: string | Date;
}

export interface LoginAttemptRow {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
}

/** How long a sign-in may take between leaving for the provider and coming back. */
export const loginAttemptMaxAgeSeconds = 600;

const sessionColumns =
  'auth_sessions.id_hash, auth_sessions.user_id, auth_sessions.csrf_token, auth_sessions.refresh_token, auth_sessions.id_token, auth_sessions.tokens_expire_at, auth_sessions.last_seen_at AS session_last_seen_at, auth_sessions.expires_at';

/** Browser sessions and sign-ins in progress; both are found by the sha256 of their cookie's value. */
export function createAuthSessionStore({ database }: { database: Database }) {
  return {
    async create({
      cookieValue,
      userId,
      csrfToken,
      refreshToken,
      idToken,
      tokensExpireAt,
      expiresAt,
    }: {
      cookieValue: string;
      userId: string;
      csrfToken: string;
      refreshToken: string | null;
      idToken: string | null;
      tokensExpireAt: Date | null;
      expiresAt: Date;
    }): Promise<void> {
      // Ended sessions are cleared as new ones start: the table stays small without a job.
      await database.query('DELETE FROM auth_sessions WHERE expires_at < now()');
      await database.query(
        `INSERT INTO auth_sessions (id_hash, user_id, csrf_token, refresh_token, id_token, tokens_expire_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [hashToken(cookieValue), userId, csrfToken, refreshToken, idToken, tokensExpireAt, expiresAt],
      );
    },
    /** The session and its user; undefined when unknown or past its end. */
    async find({ cookieValue }: { cookieValue: string }) {
      const [row] = await database.query<
        Omit<AuthSessionRow, 'last_seen_at'> & { session_last_seen_at: string | Date } & UserRow
      >(
        `SELECT ${sessionColumns}, ${userColumns} FROM auth_sessions JOIN users ON users.id = auth_sessions.user_id
         WHERE auth_sessions.id_hash = $1 AND auth_sessions.expires_at > now()`,
        [hashToken(cookieValue)],
      );
      return row;
    },
    async findByHash({ idHash }: { idHash: string }) {
      const [row] = await database.query<AuthSessionRow>(
        `SELECT id_hash, user_id, csrf_token, refresh_token, id_token, tokens_expire_at, last_seen_at, expires_at
         FROM auth_sessions WHERE id_hash = $1`,
        [idHash],
      );
      return row;
    },
    async updateTokens({
      idHash,
      refreshToken,
      idToken,
      tokensExpireAt,
    }: {
      idHash: string;
      refreshToken: string | null;
      idToken: string | null;
      tokensExpireAt: Date | null;
    }): Promise<void> {
      await database.query(
        `UPDATE auth_sessions SET refresh_token = COALESCE($2, refresh_token), id_token = COALESCE($3, id_token),
           tokens_expire_at = $4 WHERE id_hash = $1`,
        [idHash, refreshToken, idToken, tokensExpireAt],
      );
    },
    async touch({ idHash }: { idHash: string }): Promise<void> {
      await database.query('UPDATE auth_sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
    },
    /** Deletes the session; returns its ID token (for the provider's logout) when it existed. */
    async delete({ idHash }: { idHash: string }): Promise<{ id_token: string | null } | undefined> {
      const [row] = await database.query<{ id_token: string | null }>(
        'DELETE FROM auth_sessions WHERE id_hash = $1 RETURNING id_token',
        [idHash],
      );
      return row;
    },
    async createLoginAttempt({
      cookieValue,
      state,
      nonce,
      codeVerifier,
      returnTo,
    }: {
      cookieValue: string;
      state: string;
      nonce: string;
      codeVerifier: string;
      returnTo: string;
    }): Promise<void> {
      // Abandoned attempts are cleared as new ones start: the table stays small without a job.
      await database.query(
        `DELETE FROM login_attempts WHERE created_at < now() - make_interval(secs => ${loginAttemptMaxAgeSeconds})`,
      );
      await database.query(
        `INSERT INTO login_attempts (id_hash, state, nonce, code_verifier, return_to) VALUES ($1, $2, $3, $4, $5)`,
        [hashToken(cookieValue), state, nonce, codeVerifier, returnTo],
      );
    },
    /** Takes (deletes and returns) the attempt of this browser: each attempt is used at most once. */
    async takeLoginAttempt({ cookieValue }: { cookieValue: string }): Promise<LoginAttemptRow | undefined> {
      const [row] = await database.query<LoginAttemptRow & { fresh: boolean }>(
        `DELETE FROM login_attempts WHERE id_hash = $1
         RETURNING state, nonce, code_verifier, return_to,
           created_at > now() - make_interval(secs => ${loginAttemptMaxAgeSeconds}) AS fresh`,
        [hashToken(cookieValue)],
      );
      return row?.fresh ? row : undefined;
    },
  };
}
