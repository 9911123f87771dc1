import { defineConnector } from '@connectormcp/connector-kit';
import { packageVersion } from './package-version.js';
import { shopifyResources } from './resources/index.js';
import { shopifyConfigFromEnvironment, type ShopifyConfig } from './shopify-config.js';
import { createShopifyContext, type ShopifyContext } from './shopify-context.js';
import { shopifyEnvironment } from './shopify-environment.js';
import { missingScopeWarnings } from './required-scopes.js';
import { shopifyTools } from './tools/index.js';

export const shopifyConnector = defineConnector<ShopifyConfig, ShopifyContext>({
  name: 'shopify',
  packageName: '@connectormcp/shopify',
  title: 'Shopify',
  version: packageVersion,
  instructions:
    'Read-only Shopify Admin data: products (list_products, search_products, get_product), orders (list_orders with explicit ISO dates, get_order) and inventory per location (get_inventory). Money comes as decimal strings with a currency code; ids are GIDs.',
  environment: shopifyEnvironment,
  allowWritesVariable: 'SHOPIFY_ALLOW_WRITES',
  configFromEnvironment: shopifyConfigFromEnvironment,
  secretsOf: ({ config }) => [config.accessToken],
  createContext: createShopifyContext,
  tools: shopifyTools,
  resources: shopifyResources,
  async check({ context, signal }) {
    const { shop } = await context.query<{ shop: { name: string; myshopifyDomain: string; currencyCode: string } }>({
      document: 'query CheckShop { shop { name myshopifyDomain currencyCode } }',
      signal,
    });
    const granted = await context.grantedScopes({ signal });
    const warnings = missingScopeWarnings({ granted });
    if (!granted.includes('read_all_orders'))
      warnings.push('Orders older than 60 days are hidden without the read_all_orders scope.');
    return {
      summary: `connected to ${shop.name} (${shop.myshopifyDomain}, ${shop.currencyCode}), Admin API ${context.config.apiVersion}, scopes ${granted.join(', ')}`,
      warnings,
    };
  },
});
