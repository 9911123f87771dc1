import { ConnectorError, readEnvironment, requireSetting } from '@connectormcp/connector-kit';
import { shopifyEnvironment } from './shopify-environment.js';

export interface ShopifyConfig {
  storeDomain: string;
  accessToken: string;
  apiVersion: string;
  showPii: boolean;
  /** Origin to send requests to instead of https://{storeDomain}. */
  apiBaseUrl?: string;
  /** Shopify's Admin API is read-only here: there are no write tools. */
  allowWrites: boolean;
}

export type ShopifyConfigInput = Pick<ShopifyConfig, 'storeDomain' | 'accessToken'> & Partial<ShopifyConfig>;

export function resolveShopifyConfig(input: ShopifyConfigInput): ShopifyConfig {
  return { apiVersion: '2026-10', showPii: false, ...input, allowWrites: false };
}

export function shopifyConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): ShopifyConfig {
  const values = readEnvironment({ spec: shopifyEnvironment, environment });
  const storeDomain = requireSetting({
    value: values.SHOPIFY_STORE_DOMAIN,
    variables: ['SHOPIFY_STORE_DOMAIN'],
    expected: 'your-shop.myshopify.com',
  })
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  if (!/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(storeDomain)) {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Invalid configuration: SHOPIFY_STORE_DOMAIN: expected a domain such as example.myshopify.com (got "${storeDomain}")`,
    });
  }
  if (!/^\d{4}-(01|04|07|10)$|^unstable$/.test(values.SHOPIFY_API_VERSION)) {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Invalid configuration: SHOPIFY_API_VERSION: expected a version such as 2026-10 (got "${values.SHOPIFY_API_VERSION}")`,
    });
  }
  return resolveShopifyConfig({
    storeDomain,
    accessToken: requireSetting({
      value: values.SHOPIFY_ACCESS_TOKEN,
      variables: ['SHOPIFY_ACCESS_TOKEN'],
      expected: 'an Admin API access token',
    }),
    apiVersion: values.SHOPIFY_API_VERSION,
    showPii: values.SHOPIFY_SHOW_PII,
    ...(values.SHOPIFY_API_BASE_URL ? { apiBaseUrl: values.SHOPIFY_API_BASE_URL } : {}),
  });
}
