// Shopify connector: list_orders (50) over stdio against the same Admin API client call in this process,
// both against the fake Admin API on loopback.
import { fileURLToPath } from 'node:url';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { startFakeShopify } from '@connectormcp/fake-shopify';
import { defineBenchmark } from '../benchmark.ts';
import { measureRoundTrips } from '../measure-round-trips.ts';

const bin = fileURLToPath(import.meta.resolve('@connectormcp/shopify').replace(/index\.js$/, 'bin.js'));
const document = `query ListOrders($first: Int!) { orders(first: $first, sortKey: CREATED_AT, reverse: true) {
  nodes { id name createdAt displayFinancialStatus displayFulfillmentStatus currentSubtotalLineItemsQuantity customer { displayName } totalPriceSet { shopMoney { amount currencyCode } } }
  pageInfo { hasNextPage endCursor } } }`;

export default defineBenchmark({
  name: 'shopify',
  async run() {
    const fake = await startFakeShopify({ maximumAvailable: 1_000_000, restoreRate: 1_000_000 });
    const connector = await spawnStdioClient({
      args: [bin],
      env: {
        SHOPIFY_STORE_DOMAIN: fake.storeDomain,
        SHOPIFY_ACCESS_TOKEN: fake.accessToken,
        SHOPIFY_API_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'warn',
        MCP_RESULT_MAX_CHARS: '100000',
      },
    });
    const client = createAdminApiClient({
      storeDomain: fake.storeDomain,
      apiVersion: fake.apiVersion,
      accessToken: fake.accessToken,
      customFetchApi: (url, init) => fetch(String(url).replace(/^https:\/\/[^/]+/, fake.baseUrl), init),
    });
    try {
      return await measureRoundTrips({
        benchmark: 'shopify stdio round trip',
        iterations: 100,
        cases: [
          {
            metric: 'list_orders 50',
            operation: () => connector.client.callTool({ name: 'list_orders', arguments: { first: 50 } }),
            baseline: () => client.request(document, { variables: { first: 50 } }),
          },
        ],
      });
    } finally {
      await connector.close();
      await fake.stop();
    }
  },
});
