import { createConnectorServer, type ConnectorServer, type Logger } from '@connectormcp/connector-kit';
import { resolveShopifyConfig, type ShopifyConfig, type ShopifyConfigInput } from './shopify-config.js';
import { shopifyConnector } from './shopify-connector.js';
import type { ShopifyContext } from './shopify-context.js';

/** An MCP server over a Shopify store; connect it to any transport, call `cleanup` when done. */
export function createShopifyServer(
  config: ShopifyConfigInput,
  { logger, maxResultChars }: { logger?: Logger; maxResultChars?: number } = {},
): ConnectorServer<ShopifyConfig, ShopifyContext> {
  return createConnectorServer({
    connector: shopifyConnector,
    config: resolveShopifyConfig(config),
    ...(logger ? { logger } : {}),
    ...(maxResultChars ? { maxResultChars } : {}),
  });
}
