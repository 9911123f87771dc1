export { estimateQueryCost, findOversizedPage } from './estimate-query-cost.js';
export {
  seedFakeShopifyData,
  type FakeOrder,
  type FakeProduct,
  type FakeShopifyData,
  type FakeVariant,
} from './fake-shopify-data.js';
export { loadShopifySchema } from './load-shopify-schema.js';
export { matchesShopifyQuery, parseShopifyQuery, type SearchTerm } from './shopify-search-query.js';
export { startFakeShopify, type FakeShopify } from './start-fake-shopify.js';
