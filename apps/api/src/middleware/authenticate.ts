import { createHash, timingSafeEqual } from 'node:crypto';
import { parse } from 'cookie';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiKeyStore } from '../auth/api-key-store.js';
import { personalKeyPrefix } from '../auth/api-key-store.js';
import { csrfFailed, unauthorized, userDisabled } from '../auth/auth-errors.js';
import type { AuthMode } from '../auth/auth-mode.js';
import type { RequestUser, UserRole } from '../auth/request-user.js';
import type { SessionResolver } from '../auth/session-resolver.js';
import type { UserStore } from '../auth/user-store.js';
import { toRequestUser, type UserRow } from '../auth/user-row.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** How long the row of the local user or an API_KEYS user is trusted before it is read again (disabled, role). */
const knownUserTtlMs = 10_000;
/** A personal key's last use is written at most this often. */
const lastUsedIntervalMs = 60_000;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const localUser = { id: 'local', name: 'Local user', role: 'admin' as UserRole };

/** The id of an API_KEYS key's user: the first 32 hex of its sha256, as sessions were owned before users. */
export const environmentKeyUserId = (key: string) => digest(key).toString('hex').slice(0, 32);

const presentedKey = (request: Request) =>
  (
    /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ??
    (request.headers['x-api-key'] as string | undefined)
  )?.trim() || undefined;

const sameText = (left: string, right: string) => {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
};

export interface AuthenticateOptions {
  mode: AuthMode;
  apiKeys: string[];
  users: UserStore;
  personalKeys: ApiKeyStore;
  /** With sign-in (oidc mode): the session cookie's name and what finds its session. */
  sessions?: { cookieName: string; resolver: SessionResolver };
  logger: Logger;
}

/**
 * Says who is asking on every `/api` request and sets `request.user` and `request.owner`, in this order:
 * an API key (Bearer or X-API-Key: API_KEYS, compared in constant time, then personal `cmcp_` keys by their
 * sha256), the session cookie of a signed-in browser (changes need its X-CSRF-Token), the local user when
 * neither sign-in nor API_KEYS is configured; otherwise 401.
 */
export function authenticate({
  mode,
  apiKeys,
  users,
  personalKeys,
  sessions,
  logger,
}: AuthenticateOptions): RequestHandler {
  const expected = apiKeys.map(digest);
  const known = new Map<string, { row: UserRow; at: number }>();

  /** The row of the local user or an API_KEYS user, created on first use and cached briefly. */
  const knownUser = async ({ id, name, role }: { id: string; name: string; role: UserRole }) => {
    const cached = known.get(id);
    if (cached && Date.now() - cached.at < knownUserTtlMs) return cached.row;
    const row = await users.ensureUser({ id, name, role });
    known.set(id, { row, at: Date.now() });
    return row;
  };

  const fromKey = async (key: string): Promise<RequestUser | undefined> => {
    if (key.startsWith(personalKeyPrefix)) {
      const found = await personalKeys.findByKey({ key });
      if (!found) throw unauthorized({ mode, message: 'This API key is not valid or was revoked.' });
      if (found.disabled) throw unauthorized({ mode, message: 'The account of this API key is disabled.' });
      const lastUsed = found.key_last_used_at ? new Date(found.key_last_used_at).getTime() : 0;
      if (Date.now() - lastUsed > lastUsedIntervalMs)
        void Promise.all([personalKeys.touch({ id: found.key_id }), users.touch({ id: found.id })]).catch(
          (error: unknown) => logger.warn({ err: error }, 'could not record when an API key was last used'),
        );
      return toRequestUser({ row: found, authMethod: 'api_key' });
    }
    const candidate = digest(key);
    // Every key is compared, in constant time, whatever matches first.
    const matched = expected.reduce((found, expectedKey) => timingSafeEqual(expectedKey, candidate) || found, false);
    if (!matched) return undefined;
    const id = candidate.toString('hex').slice(0, 32);
    const row = await knownUser({ id, name: `API key …${id.slice(-4)}`, role: 'admin' });
    if (row.disabled) throw userDisabled();
    return toRequestUser({ row, authMethod: 'environment_key' });
  };

  return async (request, _response, next) => {
    try {
      let user: RequestUser | undefined;
      const key = presentedKey(request);
      if (key) {
        user = await fromKey(key);
        // Without sign-in or API_KEYS a stray key (an old one in a browser) is ignored, as it always was.
        if (!user && mode !== 'local') throw unauthorized({ mode });
      }
      if (!user && sessions) {
        const cookieValue = parse(request.headers.cookie ?? '')[sessions.cookieName];
        if (cookieValue) {
          const resolved = await sessions.resolver.resolve({ cookieValue });
          if (!safeMethods.has(request.method)) {
            const sent = request.headers['x-csrf-token'];
            if (typeof sent !== 'string' || !sameText(sent, resolved.user.csrfToken ?? '')) throw csrfFailed();
          }
          user = resolved.user;
          request.authSession = { idHash: resolved.idHash };
        }
      }
      if (!user && mode === 'local') {
        const row = await knownUser(localUser);
        user = { ...toRequestUser({ row, authMethod: 'local' }), role: 'admin' };
      }
      if (!user) throw unauthorized({ mode });
      request.user = user;
      request.owner = user.id;
      next();
    } catch (error) {
      next(error);
    }
  };
}
