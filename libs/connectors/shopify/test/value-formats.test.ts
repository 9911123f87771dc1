// Every Shopify tool's output schema says what its values are (money, date-time, identifier) with the
// kit's value formats, the values are what the schema says, and the MCP SDK client validates them
// without a word on the console.
import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { startFakeShopify, type FakeShopify } from '@connectormcp/fake-shopify';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { readValueFormat } from '@connectormcp/connector-kit/value-format';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const money = { amount: expect.stringMatching(/^-?\d+(\.\d+)?$/), currency_code: 'EUR' };

type Schema = Record<string, unknown>;

/** Each property path of an output schema with its value format, e.g. `orders[].total: money`. */
function formatsOf({ schema, path = '' }: { schema: unknown; path?: string }): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    const format = readValueFormat({ schema: node });
    if (format && at) found[at] = format;
    const record = node as Schema;
    for (const branch of [...((record.anyOf as unknown[]) ?? []), ...((record.oneOf as unknown[]) ?? [])]) {
      visit({ ...(branch as Schema), anyOf: undefined }, at);
    }
    for (const [name, child] of Object.entries((record.properties as Schema) ?? {})) {
      visit(child, at ? `${at}.${name}` : name);
    }
    if (record.items) visit(record.items, `${at}[]`);
  };
  visit(schema, path);
  return found;
}

describe('Shopify output schemas carry value formats', () => {
  let fake: FakeShopify;
  let shopify: SpawnedClient;
  let warnings: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    fake = await startFakeShopify({ restoreRate: 1000 });
    shopify = await spawnStdioClient({
      args: [bin],
      env: {
        SHOPIFY_STORE_DOMAIN: fake.storeDomain,
        SHOPIFY_ACCESS_TOKEN: fake.accessToken,
        SHOPIFY_API_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'warn',
        MCP_RESULT_MAX_CHARS: '100000',
      },
    });
    warnings = jest.spyOn(console, 'warn');
  });
  afterAll(async () => {
    warnings.mockRestore();
    await shopify.close();
    await fake.stop();
  });

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await shopify.client.callTool({ name, arguments: args });
    expect(result.isError).toBeFalsy();
    return result.structuredContent as Record<string, unknown>;
  };

  it('marks money, dates and ids in every tool', async () => {
    const { tools } = await shopify.client.listTools();
    const formats = Object.fromEntries(tools.map((tool) => [tool.name, formatsOf({ schema: tool.outputSchema })]));
    expect(formats.list_orders).toEqual({
      'orders[].id': 'identifier',
      'orders[].created_at': 'date-time',
      'orders[].total': 'money',
      'orders[].total.amount': 'decimal',
    });
    expect(formats.get_order).toMatchObject({
      id: 'identifier',
      created_at: 'date-time',
      cancelled_at: 'date-time',
      'line_items[].unit_price': 'money',
      'line_items[].total': 'money',
      subtotal: 'money',
      discounts: 'money',
      'shipping.price': 'money',
      total: 'money',
      refunded: 'money',
      'refunds[].created_at': 'date-time',
      'refunds[].amount': 'money',
      'fulfillments[].created_at': 'date-time',
    });
    for (const name of ['list_products', 'search_products']) {
      expect(formats[name]).toEqual({
        'products[].id': 'identifier',
        'products[].min_price': 'money',
        'products[].min_price.amount': 'decimal',
        'products[].max_price': 'money',
        'products[].max_price.amount': 'decimal',
        'products[].updated_at': 'date-time',
      });
    }
    expect(formats.get_product).toMatchObject({
      id: 'identifier',
      'variants[].id': 'identifier',
      'variants[].price': 'money',
      'variants[].compare_at_price': 'money',
    });
    // Counts stay plain numbers.
    expect(formats.get_inventory).toEqual({});
  });

  it('sends values that are what the schema says, validated silently by the client', async () => {
    const listed = await call('list_orders', { first: 5 });
    const order = (listed.orders as Array<Record<string, unknown>>)[0]!;
    expect(order).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/Order\/\d+$/),
      created_at: expect.stringMatching(isoWithOffset),
      total: money,
      item_count: expect.any(Number),
    });
    const withRefund = fake.data.orders.find(
      (candidate) => candidate.refunds.length > 0 && candidate.fulfillments.length > 0,
    )!;
    const detail = await call('get_order', { name: withRefund.name });
    expect(detail).toMatchObject({
      created_at: expect.stringMatching(isoWithOffset),
      total: money,
      subtotal: money,
      refunds: [{ created_at: expect.stringMatching(isoWithOffset), amount: money }],
      fulfillments: expect.arrayContaining([
        { created_at: expect.stringMatching(isoWithOffset), status: expect.any(String), tracking: expect.any(Array) },
      ]),
    });
    const products = await call('list_products', { first: 3 });
    const product = (products.products as Array<Record<string, unknown>>)[0]!;
    expect(product).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/Product\/\d+$/),
      min_price: money,
      updated_at: expect.stringMatching(isoWithOffset),
    });
    const full = await call('get_product', { id: product.id });
    const variant = (full.variants as Array<Record<string, unknown>>)[0]!;
    expect(variant).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\/\d+$/),
      price: money,
    });
    await call('search_products', { text: 'tea' });
    await call('get_inventory', { sku: variant.sku });
    expect(warnings).not.toHaveBeenCalled();
  });
});
