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

function invalidConfig(problem: string): ConnectorError {
  return new ConnectorError({ code: 'INVALID_CONFIG', message: `Invalid configuration: ${problem}` });
}

/**
 * The shop's domain from what people paste: a bare domain, the shop's URL, or a link to its admin
 * (admin.shopify.com/store/{handle} names the shop by its handle, whose domain is {handle}.myshopify.com).
 */
function readStoreDomain({ value }: { value: string }): string {
  const text = value.trim();
  const admin = /^(?:https?:\/\/)?admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)/i.exec(text);
  if (admin) {
    throw invalidConfig(
      `SHOPIFY_STORE_DOMAIN: expected the shop's domain, not an admin link: use ${admin[1]!.toLowerCase()}.myshopify.com`,
    );
  }
  const domain = text.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (/[/?#]/.test(domain)) {
    throw invalidConfig(
      `SHOPIFY_STORE_DOMAIN: expected the shop's domain alone, such as example.myshopify.com, without a path (got ${JSON.stringify(text)})`,
    );
  }
  if (/:\d*$/.test(domain)) {
    throw invalidConfig(
      `SHOPIFY_STORE_DOMAIN: expected the shop's domain without a port; to send requests elsewhere, set SHOPIFY_API_BASE_URL (got ${JSON.stringify(text)})`,
    );
  }
  if (!/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i.test(domain)) {
    throw invalidConfig(
      `SHOPIFY_STORE_DOMAIN: expected a domain such as example.myshopify.com (got ${JSON.stringify(text)})`,
    );
  }
  return domain.toLowerCase();
}

export function shopifyConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): ShopifyConfig {
  const values = readEnvironment({ spec: shopifyEnvironment, environment });
  const storeDomain = readStoreDomain({
    value: requireSetting({
      value: values.SHOPIFY_STORE_DOMAIN,
      variables: ['SHOPIFY_STORE_DOMAIN'],
      expected: 'your-shop.myshopify.com',
    }),
  });
  if (!/^\d{4}-(01|04|07|10)$|^unstable$/.test(values.SHOPIFY_API_VERSION)) {
    throw invalidConfig(
      `SHOPIFY_API_VERSION: expected a version such as 2026-10 (a year and 01, 04, 07 or 10, or unstable) (got ${JSON.stringify(values.SHOPIFY_API_VERSION)})`,
    );
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
