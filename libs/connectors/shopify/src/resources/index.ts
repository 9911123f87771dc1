import { defineResource } from '@connectormcp/connector-kit';
import type { ShopifyContext } from '../shopify-context.js';
import { fetchOrder } from '../tools/get-order.js';
import { fetchProduct } from '../tools/get-product.js';

const json = (uri: URL, value: unknown) => [
  { uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) },
];

export const shopifyResources = [
  defineResource<ShopifyContext>({
    name: 'shop',
    title: 'Shop',
    description: 'Shop name, domain, currency, time zone and plan.',
    mimeType: 'application/json',
    uri: 'shopify://shop',
    async read({ context, uri, signal }) {
      const data = await context.query<{ shop: unknown }>({
        document: 'query ShopInfo { shop { name myshopifyDomain currencyCode ianaTimezone plan { displayName } } }',
        signal,
      });
      return json(uri, data.shop);
    },
  }),
  defineResource<ShopifyContext>({
    name: 'product',
    title: 'Product',
    description: 'One product with variants, images and collections, as JSON.',
    mimeType: 'application/json',
    uri: 'shopify://product/{id}',
    read: async ({ context, uri, variables, signal }) =>
      json(uri, await fetchProduct({ context, id: variables.id!, signal })),
  }),
  defineResource<ShopifyContext>({
    name: 'order',
    title: 'Order',
    description: 'One order with line items, refunds and fulfillments (personal data masked unless SHOPIFY_SHOW_PII).',
    mimeType: 'application/json',
    uri: 'shopify://order/{id}',
    read: async ({ context, uri, variables, signal }) =>
      json(uri, await fetchOrder({ context, id: variables.id!, signal })),
  }),
];
