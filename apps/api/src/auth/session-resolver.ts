import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { AuthSessionStore } from './auth-session-store.js';
import { notAllowed, sessionExpired, userDisabled } from './auth-errors.js';
import { describeOidcError, isUnreachable, providerUnreachable, type OidcClient } from './oidc-client.js';
import { isAllowedToSignIn, readIdentity, roleForGroups } from './read-identity.js';
import type { RequestUser } from './request-user.js';
import type { SecretBox } from '../datasources/secret-box.js';
import type { UserStore } from './user-store.js';
import { toRequestUser, type UserRow } from './user-row.js';

export type SessionResolver = ReturnType<typeof createSessionResolver>;

/** Last-seen times are written at most this often, not on every request. */
const touchIntervalMs = 60_000;

export const tokensExpireAt = (tokens: client.TokenEndpointResponseHelpers & { id_token?: string }) => {
  const seconds = tokens.expiresIn() ?? (tokens.claims()?.exp ? tokens.claims()!.exp - Date.now() / 1000 : undefined);
  return seconds === undefined ? null : new Date(Date.now() + Math.max(0, seconds) * 1000);
};

/**
 * Finds the browser session behind a cookie and its user. When the provider's tokens have expired and a
 * refresh token is stored, refreshes them first (once per session at a time), taking the groups and role
 * anew; a refresh the provider refuses (revoked, user removed) ends the session.
 */
export function createSessionResolver({
  sessions,
  users,
  oidc,
  secretBox,
  logger,
}: {
  sessions: AuthSessionStore;
  users: UserStore;
  oidc: OidcClient;
  secretBox?: SecretBox;
  logger: Logger;
}) {
  const refreshing = new Map<string, Promise<UserRow>>();

  const endSession = async ({ idHash, reason }: { idHash: string; reason: string }) => {
    await sessions.delete({ idHash });
    logger.info({ reason }, 'session ended');
  };

  const refresh = async ({ idHash, subject }: { idHash: string; subject: string }): Promise<UserRow> => {
    // Another request (or instance) may have refreshed meanwhile: read the row again.
    const row = await sessions.findByHash({ idHash });
    if (!row) throw sessionExpired();
    const userRow = await users.find({ id: row.user_id });
    if (!userRow) throw sessionExpired();
    if (!row.refresh_token || !row.tokens_expire_at || new Date(row.tokens_expire_at) > new Date()) return userRow;
    const configuration = await oidc.configuration();
    let refreshToken: string;
    try {
      if (!secretBox) throw new Error('no secret box');
      refreshToken = secretBox.decrypt(row.refresh_token);
    } catch {
      await endSession({ idHash, reason: 'the refresh token cannot be decrypted (secret key changed?)' });
      throw sessionExpired();
    }
    let tokens: Awaited<ReturnType<typeof client.refreshTokenGrant>>;
    try {
      tokens = await client.refreshTokenGrant(configuration, refreshToken);
    } catch (error) {
      if (!isUnreachable(error)) {
        await endSession({ idHash, reason: `the provider refused the refresh (${describeOidcError(error).error})` });
        throw sessionExpired();
      }
      logger.warn({ error: describeOidcError(error) }, 'token refresh failed: provider unreachable');
      throw providerUnreachable();
    }
    let identity;
    try {
      identity = await readIdentity({ configuration, tokens, settings: oidc.settings, expectedSubject: subject });
    } catch (error) {
      if (isUnreachable(error)) throw providerUnreachable();
      await endSession({ idHash, reason: `the refreshed tokens were refused (${describeOidcError(error).message})` });
      throw sessionExpired();
    }
    if (!isAllowedToSignIn({ groups: identity.groups, settings: oidc.settings })) {
      await endSession({ idHash, reason: 'no longer in an allowed group' });
      throw notAllowed();
    }
    const updated = await users.updateClaims({
      id: row.user_id,
      groups: identity.groups,
      role: roleForGroups({ groups: identity.groups, settings: oidc.settings }),
    });
    await sessions.updateTokens({
      idHash,
      refreshToken: tokens.refresh_token ? secretBox!.encrypt(tokens.refresh_token) : null,
      idToken: tokens.id_token ?? null,
      tokensExpireAt: tokensExpireAt(tokens),
    });
    return updated;
  };

  return {
    async resolve({ cookieValue }: { cookieValue: string }): Promise<{ user: RequestUser; idHash: string }> {
      const row = await sessions.find({ cookieValue });
      if (!row) throw sessionExpired();
      let userRow: UserRow = row;
      if (row.refresh_token && row.tokens_expire_at && new Date(row.tokens_expire_at) <= new Date()) {
        const idHash = row.id_hash;
        let pending = refreshing.get(idHash);
        if (!pending) {
          pending = refresh({ idHash, subject: row.subject ?? '' }).finally(() => refreshing.delete(idHash));
          refreshing.set(idHash, pending);
        }
        userRow = await pending;
      }
      if (userRow.disabled) throw userDisabled();
      if (Date.now() - new Date(row.session_last_seen_at).getTime() > touchIntervalMs)
        void Promise.all([sessions.touch({ idHash: row.id_hash }), users.touch({ id: row.user_id })]).catch(
          (error: unknown) => logger.warn({ err: error }, 'could not record when a session was last seen'),
        );
      return {
        user: { ...toRequestUser({ row: userRow, authMethod: 'session' }), csrfToken: row.csrf_token },
        idHash: row.id_hash,
      };
    },
  };
}
