export { createShopifyServer } from './create-shopify-server.js';
export { maskEmail, maskPhone } from './mask-personal-data.js';
export { packageVersion } from './package-version.js';
export {
  resolveShopifyConfig,
  shopifyConfigFromEnvironment,
  type ShopifyConfig,
  type ShopifyConfigInput,
} from './shopify-config.js';
export { shopifyConnector } from './shopify-connector.js';
export type { ShopifyContext } from './shopify-context.js';
export { shopifyEnvironment } from './shopify-environment.js';
export { toGid } from './shopify-id.js';
