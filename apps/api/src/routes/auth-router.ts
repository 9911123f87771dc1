import { parse } from 'cookie';
import { Router, type RequestHandler } from 'express';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import { ApiError } from '../api-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { AuthSessionStore } from '../auth/auth-session-store.js';
import { notAllowed, userDisabled } from '../auth/auth-errors.js';
import { randomToken } from '../auth/hash-token.js';
import { describeOidcError, isUnreachable, providerUnreachable, type OidcClient } from '../auth/oidc-client.js';
import { isAllowedToSignIn, readIdentity, roleForGroups } from '../auth/read-identity.js';
import { safeReturnTo } from '../auth/safe-return-to.js';
import { loginFailed, sendAuthFailure } from '../auth/send-auth-failure.js';
import { tokensExpireAt } from '../auth/session-resolver.js';
import { loginCookieName, type SessionCookies } from '../auth/session-cookies.js';
import { toRequestUser } from '../auth/user-row.js';
import type { UserStore } from '../auth/user-store.js';
import type { LogoutResponse } from '../contracts/index.js';
import type { SecretBox } from '../datasources/secret-box.js';

const signInNotConfigured = () =>
  new ApiError({ status: 404, code: 'not_found', message: 'Sign-in is not configured (OIDC_ISSUER is not set).' });

/**
 * Sign-in with OpenID Connect (authorization code with PKCE, state and nonce, bound to the browser by a
 * cookie) and sign-out. `/login` and `/callback` need no authentication; `/logout` runs `authenticate`, so a
 * browser session must send its CSRF token.
 */
export function authRouter({
  oidc,
  sessions,
  users,
  cookies,
  secretBox,
  auditLog,
  logger,
  authenticate,
}: {
  oidc?: OidcClient;
  sessions: AuthSessionStore;
  users: UserStore;
  cookies: SessionCookies;
  secretBox?: SecretBox;
  auditLog?: AuditLog;
  logger: Logger;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  let warnedNoSecretBox = false;

  router.get('/login', async (request, response) => {
    if (!oidc) return sendAuthFailure({ request, response, error: signInNotConfigured() });
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
    } catch (error) {
      return sendAuthFailure({ request, response, error: error instanceof ApiError ? error : providerUnreachable() });
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const cookieValue = randomToken();
    await sessions.createLoginAttempt({
      cookieValue,
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnTo(request.query.returnTo),
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri,
      scope: oidc.settings.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    response.set('cache-control', 'no-store').append('set-cookie', cookies.login(cookieValue)).redirect(302, url.href);
  });

  router.get('/callback', async (request, response) => {
    if (!oidc) return sendAuthFailure({ request, response, error: signInNotConfigured() });
    // Whatever happens next, this browser's attempt is used up.
    response.append('set-cookie', cookies.clearLogin());
    const fail = (error: ApiError) => sendAuthFailure({ request, response, error });
    const cookieValue = parse(request.headers.cookie ?? '')[loginCookieName];
    const attempt = cookieValue ? await sessions.takeLoginAttempt({ cookieValue }) : undefined;
    if (!attempt) return fail(loginFailed('This sign-in expired or was started in another browser; try again.'));
    if (typeof request.query.error === 'string') {
      logger.info({ error: request.query.error.slice(0, 64) }, 'the provider refused sign-in');
      return fail(loginFailed('The sign-in provider did not let you in.'));
    }
    if (request.query.state !== attempt.state)
      return fail(loginFailed('This sign-in answer does not match the sign-in this browser started; try again.'));
    let configuration: client.Configuration;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      configuration = await oidc.configuration();
      const search = request.originalUrl.includes('?')
        ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
        : '';
      tokens = await client.authorizationCodeGrant(configuration, new URL(`${oidc.redirectUri}${search}`), {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      logger.warn({ error: describeOidcError(error) }, 'sign-in refused');
      return fail(
        isUnreachable(error) ? providerUnreachable() : loginFailed('The sign-in could not be verified; try again.'),
      );
    }
    let identity;
    try {
      identity = await readIdentity({ configuration, tokens, settings: oidc.settings });
    } catch (error) {
      logger.warn({ error: describeOidcError(error) }, 'sign-in refused: no usable identity');
      return fail(
        isUnreachable(error) ? providerUnreachable() : loginFailed('The sign-in could not be verified; try again.'),
      );
    }
    if (!isAllowedToSignIn({ groups: identity.groups, settings: oidc.settings })) {
      logger.info({ subject: identity.subject }, 'sign-in refused: not in an allowed group');
      return fail(notAllowed());
    }
    const row = await users.upsertSignedInUser({
      issuer: oidc.settings.issuer,
      subject: identity.subject,
      email: identity.email,
      name: identity.name,
      groups: identity.groups,
      role: roleForGroups({ groups: identity.groups, settings: oidc.settings }),
    });
    if (row.disabled) return fail(userDisabled());
    if (tokens.refresh_token && !secretBox && !warnedNoSecretBox) {
      warnedNoSecretBox = true;
      logger.warn('refresh tokens are not kept (no secret key): sessions are not refreshed from the provider');
    }
    const sessionValue = randomToken();
    await sessions.create({
      cookieValue: sessionValue,
      userId: row.id,
      csrfToken: randomToken(),
      refreshToken: tokens.refresh_token && secretBox ? encryptOrNull({ secretBox, text: tokens.refresh_token }) : null,
      idToken: tokens.id_token ?? null,
      tokensExpireAt: tokensExpireAt(tokens),
      expiresAt: new Date(Date.now() + cookies.maxAgeSeconds * 1000),
    });
    await auditLog?.record({
      actor: toRequestUser({ row, authMethod: 'session' }),
      action: 'sign_in',
      status: 'ok',
      detail: { groups: identity.groups, role: roleForGroups({ groups: identity.groups, settings: oidc.settings }) },
    });
    response
      .set('cache-control', 'no-store')
      .append('set-cookie', cookies.session(sessionValue))
      .redirect(303, safeReturnTo(attempt.return_to));
  });

  router.post('/logout', authenticate, async (request, response) => {
    let logoutUrl: string | null = null;
    if (request.authSession) {
      const ended = await sessions.delete({ idHash: request.authSession.idHash });
      await auditLog?.record({ actor: request.user!, action: 'sign_out', status: 'ok' });
      if (oidc) {
        try {
          const configuration = await oidc.configuration();
          logoutUrl = client.buildEndSessionUrl(configuration, {
            ...(ended?.id_token ? { id_token_hint: ended.id_token } : {}),
            client_id: oidc.settings.clientId,
            post_logout_redirect_uri: oidc.postLogoutRedirectUri,
          }).href;
        } catch {
          // No end-session endpoint (or the provider is down): the app's own session is gone all the same.
        }
      }
    }
    if (oidc) response.append('set-cookie', cookies.clearSession());
    const body: LogoutResponse = { logoutUrl };
    response.set('cache-control', 'no-store').json(body);
  });

  return router;
}

/** A refresh token the secret box cannot encrypt (no key on PostgreSQL) is not kept: no refresh then. */
function encryptOrNull({ secretBox, text }: { secretBox: SecretBox; text: string }) {
  try {
    return secretBox.encrypt(text);
  } catch {
    return null;
  }
}
