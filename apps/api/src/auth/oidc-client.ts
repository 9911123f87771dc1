import * as client from 'openid-client';
import type { Logger } from 'pino';
import { ApiError } from '../api-error.js';
import type { OidcSettings } from '../api-config.js';

export type OidcClient = ReturnType<typeof createOidcClient>;

/** Seconds a request to the provider may take before sign-in says it is unreachable. */
const providerTimeoutSeconds = 5;

export const providerUnreachable = () =>
  new ApiError({
    status: 503,
    code: 'identity_provider_unreachable',
    message: 'The sign-in provider cannot be reached right now; try again in a moment.',
  });

/** The claim a check refused (nonce, iss, aud, …), found along the error's causes: its name, never the values. */
const refusedClaim = (error: unknown, depth = 0): string | undefined => {
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const { claim, cause } = error as { claim?: unknown; cause?: unknown };
  return typeof claim === 'string' ? claim : refusedClaim(cause, depth + 1);
};

/** What an error from openid-client says, without anything the provider sent back (it may echo tokens). */
export const describeOidcError = (error: unknown) => ({
  name: error instanceof Error ? error.name : typeof error,
  code: (error as { code?: unknown }).code,
  // The OAuth error code (invalid_grant, …) when the provider answered with one.
  error: typeof (error as { error?: unknown }).error === 'string' ? (error as { error: string }).error : undefined,
  message: error instanceof Error ? error.message : undefined,
  // openid-client's and oauth4webapi's messages are fixed texts (no values), so the inner one is safe too.
  reason: error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined,
  claim: refusedClaim(error),
});

/** True when the provider could not be reached (network, timeout), not when it answered with a refusal. */
export const isUnreachable = (error: unknown): boolean =>
  error instanceof TypeError ||
  (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name)) ||
  (error instanceof Error && isUnreachable(error.cause));

/**
 * The provider's configuration from discovery, fetched once and kept. A provider that is down when the
 * API starts does not stop it: discovery starts at once and is tried again on the next sign-in.
 */
export function createOidcClient({
  settings,
  publicUrl,
  logger,
}: {
  settings: OidcSettings;
  publicUrl: string;
  logger: Logger;
}) {
  let discovered: client.Configuration | undefined;
  let pending: Promise<client.Configuration> | undefined;
  const insecure = new URL(settings.issuer).protocol === 'http:';
  const discover = () => {
    pending ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // A plain-http issuer is the operator's explicit choice (a provider on loopback or a private network).
        { timeout: providerTimeoutSeconds, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
      )
      .then((configuration) => {
        discovered = configuration;
        return configuration;
      })
      .catch((error: unknown) => {
        logger.warn({ issuer: settings.issuer, error: describeOidcError(error) }, 'OpenID provider discovery failed');
        throw providerUnreachable();
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  discover().catch(() => {});
  return {
    settings,
    redirectUri: `${publicUrl}/api/auth/callback`,
    postLogoutRedirectUri: publicUrl,
    /** The provider's configuration; throws 503 identity_provider_unreachable while it cannot be discovered. */
    configuration: async (): Promise<client.Configuration> => discovered ?? discover(),
  };
}
