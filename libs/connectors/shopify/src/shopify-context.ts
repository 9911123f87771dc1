import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError, type Logger } from '@connectormcp/connector-kit';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { missingScopeWarnings } from './required-scopes.js';
import type { ShopifyConfig } from './shopify-config.js';

interface GraphQLErrorEntry {
  message?: string;
  extensions?: { code?: string; requiredAccess?: string };
}

interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}

export interface ShopifyContext {
  config: ShopifyConfig;
  logger: Logger;
  /** Runs a query, backing off on THROTTLED; GraphQL and HTTP errors become ConnectorErrors. */
  query<Data>(options: { document: string; variables?: Record<string, unknown>; signal?: AbortSignal }): Promise<Data>;
  /** The token's granted scopes, read once (lazily) from currentAppInstallation. */
  grantedScopes(options?: { signal?: AbortSignal }): Promise<string[]>;
  /** Fails with the scope to add when a tool needs one the token lacks. */
  requireScope(options: { scope: string; tool: string; signal?: AbortSignal }): Promise<void>;
  close(): Promise<void>;
}

const maxAttempts = 4;
const maxWaitMs = 10_000;

function unreachable({ error }: { error: unknown }): ConnectorError {
  const reason = (error as { message?: string } | undefined)?.message?.replace(/^GraphQL Client: /, '') ?? 'no answer';
  return new ConnectorError({
    code: 'UPSTREAM_UNAVAILABLE',
    message: `Shopify could not be reached (${reason}): check SHOPIFY_STORE_DOMAIN (or SHOPIFY_API_BASE_URL) and the network.`,
    retryable: true,
    cause: error,
  });
}

export function createShopifyContext({ config, logger }: { config: ShopifyConfig; logger: Logger }): ShopifyContext {
  const origin = config.apiBaseUrl?.replace(/\/+$/, '');
  const client = createAdminApiClient({
    storeDomain: config.storeDomain,
    apiVersion: config.apiVersion,
    accessToken: config.accessToken,
    // The client always builds https://{store}/admin/api/…; a proxy (or the local fake) takes the origin.
    ...(origin
      ? {
          customFetchApi: (url: string | URL | Request, init?: RequestInit) =>
            fetch(String(url).replace(/^https:\/\/[^/]+/, origin), init),
        }
      : {}),
  });
  let scopes: Promise<string[]> | undefined;

  const query = async <Data>({
    document,
    variables,
    signal,
  }: {
    document: string;
    variables?: Record<string, unknown>;
    signal?: AbortSignal;
  }): Promise<Data> => {
    for (let attempt = 1; ; attempt += 1) {
      let response;
      try {
        response = await client.request(document, {
          ...(variables ? { variables } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        throw unreachable({ error });
      }
      const errors = response.errors as
        { networkStatusCode?: number; message?: string; graphQLErrors?: GraphQLErrorEntry[] } | undefined;
      const graphQLErrors = errors?.graphQLErrors ?? [];
      // The client reports a failed connection as an error without a status ("fetch failed"), not a throw.
      if (errors && errors.networkStatusCode === undefined && graphQLErrors.length === 0 && !response.data) {
        throw unreachable({ error: errors });
      }
      const cost = (
        response.extensions as { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } } | undefined
      )?.cost;
      if (graphQLErrors.some((error) => error.extensions?.code === 'THROTTLED')) {
        if (attempt >= maxAttempts || signal?.aborted) {
          throw new ConnectorError({
            code: 'RATE_LIMITED',
            message: 'Shopify is throttling this app (query cost budget used up); try again shortly.',
            retryable: true,
          });
        }
        const missing = (cost?.requestedQueryCost ?? 50) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
        const waitMs = Math.min(maxWaitMs, Math.max(100, (missing / (cost?.throttleStatus?.restoreRate ?? 50)) * 1000));
        logger.debug({ waitMs }, 'Shopify throttled the query; waiting for the bucket to refill');
        await delay(waitMs, undefined, signal ? { signal } : {});
        continue;
      }
      if (errors?.networkStatusCode === 401 || errors?.networkStatusCode === 403) {
        throw new ConnectorError({
          code: 'ACCESS_DENIED',
          message: 'Shopify rejected the access token: check SHOPIFY_ACCESS_TOKEN and SHOPIFY_STORE_DOMAIN.',
        });
      }
      if (errors?.networkStatusCode === 429 || (errors?.networkStatusCode ?? 0) >= 500) {
        throw new ConnectorError({
          code: errors?.networkStatusCode === 429 ? 'RATE_LIMITED' : 'UPSTREAM_UNAVAILABLE',
          message: `Shopify answered ${errors?.networkStatusCode}; try again shortly.`,
          retryable: true,
        });
      }
      const denied = graphQLErrors.find((error) => error.extensions?.code === 'ACCESS_DENIED');
      if (denied) {
        throw new ConnectorError({
          code: 'ACCESS_DENIED',
          message: `${denied.message ?? 'Access denied.'} Add the scope to the app's Admin API access scopes.`,
        });
      }
      if (graphQLErrors.length > 0 || (errors && !response.data)) {
        const message =
          graphQLErrors
            .map((error) => error.message)
            .filter(Boolean)
            .join('; ') ||
          errors?.message ||
          'unknown error';
        throw new ConnectorError({ code: 'INVALID_INPUT', message: `Shopify: ${message}` });
      }
      return response.data as Data;
    }
  };

  const grantedScopes = ({ signal }: { signal?: AbortSignal } = {}) => {
    scopes ??= query<{ currentAppInstallation: { accessScopes: Array<{ handle: string }> } }>({
      document: 'query GrantedScopes { currentAppInstallation { accessScopes { handle } } }',
      ...(signal ? { signal } : {}),
    }).then(
      (data) => {
        const granted = data.currentAppInstallation.accessScopes.map((scope) => scope.handle);
        // Said once, plainly, instead of failing deep inside a later query.
        for (const warning of missingScopeWarnings({ granted })) logger.warn(warning);
        return granted;
      },
      (error: unknown) => {
        scopes = undefined;
        throw error;
      },
    );
    return scopes;
  };

  return {
    config,
    logger,
    query,
    grantedScopes,
    async requireScope({ scope, tool, signal }) {
      const granted = await grantedScopes(signal ? { signal } : {});
      if (!granted.includes(scope) && !granted.includes(scope.replace('read_', 'write_'))) {
        throw new ConnectorError({
          code: 'ACCESS_DENIED',
          message: `${tool} needs the ${scope} scope, which this app's token lacks (it has ${granted.join(', ') || 'none'}). Add ${scope} in the app's Admin API access scopes and reinstall it.`,
        });
      }
    },
    async close() {},
  };
}
