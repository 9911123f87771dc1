import type { RequestHandler, Router } from 'express';
import type { Logger } from 'pino';
import type { OidcSettings } from '../api-config.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { SecretBox } from '../datasources/secret-box.js';
import { authenticate } from '../middleware/authenticate.js';
import { adminUsersRouter } from '../routes/admin-users-router.js';
import { authRouter } from '../routes/auth-router.js';
import { meRouter } from '../routes/me-router.js';
import { createApiKeyStore } from './api-key-store.js';
import { authModeOf, type AuthMode } from './auth-mode.js';
import { createAuthSessionStore } from './auth-session-store.js';
import { createOidcClient } from './oidc-client.js';
import { createSessionResolver } from './session-resolver.js';
import { sessionCookies } from './session-cookies.js';
import { createUserStore } from './user-store.js';

export interface Auth {
  mode: AuthMode;
  /** Sets `request.user` and `request.owner` on every `/api` request, or answers 401/403. */
  authenticate: RequestHandler;
  /** `/api/auth`: login and callback (before `authenticate`), logout. */
  authRouter: Router;
  /** `/api/me`. */
  meRouter: Router;
  /** `/api/admin/users` (mount behind an admin check). */
  adminUsersRouter: Router;
}

/** Everything about who is asking: the middleware, sign-in with OpenID Connect, users and API keys. */
export function createAuth({
  database,
  logger,
  apiKeys,
  oidc: oidcSettings,
  publicUrl,
  sessionMaxAgeHours = 12,
  secretBox,
  auditLog,
}: {
  database: Database;
  logger: Logger;
  apiKeys: string[];
  oidc?: OidcSettings | undefined;
  publicUrl?: string | undefined;
  sessionMaxAgeHours?: number | undefined;
  secretBox?: SecretBox | undefined;
  auditLog?: AuditLog | undefined;
}): Auth {
  const mode = authModeOf({ hasOidc: Boolean(oidcSettings), apiKeyCount: apiKeys.length });
  const users = createUserStore({ database });
  const personalKeys = createApiKeyStore({ database });
  const sessions = createAuthSessionStore({ database });
  const cookies = sessionCookies({ ...(publicUrl ? { publicUrl } : {}), maxAgeHours: sessionMaxAgeHours });
  if (oidcSettings && !publicUrl) throw new Error('PUBLIC_URL: required when OIDC_ISSUER is set');
  const oidc = oidcSettings ? createOidcClient({ settings: oidcSettings, publicUrl: publicUrl!, logger }) : undefined;
  const middleware = authenticate({
    mode,
    apiKeys,
    users,
    personalKeys,
    logger,
    ...(oidc
      ? {
          sessions: {
            cookieName: cookies.sessionName,
            resolver: createSessionResolver({ sessions, users, oidc, logger, ...(secretBox ? { secretBox } : {}) }),
          },
        }
      : {}),
  });
  const optionalAudit = auditLog ? { auditLog } : {};
  return {
    mode,
    authenticate: middleware,
    authRouter: authRouter({
      sessions,
      users,
      cookies,
      logger,
      authenticate: middleware,
      ...(oidc ? { oidc } : {}),
      ...(secretBox ? { secretBox } : {}),
      ...optionalAudit,
    }),
    meRouter: meRouter({ mode, personalKeys, ...optionalAudit }),
    adminUsersRouter: adminUsersRouter({ users, ...optionalAudit }),
  };
}
