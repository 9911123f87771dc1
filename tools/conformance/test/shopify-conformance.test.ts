import { startFakeShopify } from '@connectormcp/fake-shopify';
import { describeConnectorConformance } from './support/describe-connector-conformance.js';

describeConnectorConformance({
  connector: 'shopify',
  startBackend: async () => {
    const fake = await startFakeShopify();
    return {
      env: {
        SHOPIFY_STORE_DOMAIN: fake.storeDomain,
        SHOPIFY_ACCESS_TOKEN: fake.accessToken,
        SHOPIFY_API_BASE_URL: fake.baseUrl,
      },
      stop: () => fake.stop(),
    };
  },
});
