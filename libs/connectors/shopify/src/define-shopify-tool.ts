import { toolDefiner } from '@connectormcp/connector-kit';
import type { ShopifyContext } from './shopify-context.js';

export const defineShopifyTool = toolDefiner<ShopifyContext>();
