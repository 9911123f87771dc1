import { defineEnvironment, environmentBoolean, environmentString, environmentUrl } from '@connectormcp/connector-kit';

export const shopifyEnvironment = defineEnvironment({
  SHOPIFY_STORE_DOMAIN: {
    description: 'The shop, e.g. example.myshopify.com.',
    schema: environmentString(),
    required: true,
    placeholder: 'your-shop.myshopify.com',
  },
  SHOPIFY_ACCESS_TOKEN: {
    description: 'Admin API access token of a custom app (shpat_…).',
    schema: environmentString(),
    secret: true,
    required: true,
  },
  SHOPIFY_API_VERSION: {
    description: 'Admin API version (default 2026-10).',
    schema: environmentString({ default: '2026-10' }),
  },
  SHOPIFY_SHOW_PII: {
    description: 'Show customer email, phone and address unmasked (default false).',
    schema: environmentBoolean(),
  },
  SHOPIFY_API_BASE_URL: {
    description: 'Send requests to this origin instead of https://{store} (a proxy, or a local fake in tests).',
    schema: environmentUrl({
      protocols: ['http:', 'https:'],
      example: 'https://proxy.example.com',
      refuseCredentials: 'the access token goes in SHOPIFY_ACCESS_TOKEN',
    }),
    placeholder: 'https://proxy.example.com',
  },
});
