import { fileURLToPath } from 'node:url';
import { startFakeShopify, type FakeShopify } from '@connectormcp/fake-shopify';
import {
  createStructuredBudgetCaller,
  spawnStdioClient,
  type SpawnedClient,
} from '@connectormcp/connector-kit/testing';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const maxStructuredChars = 20_000;

/** Products and orders as large as Shopify allows: 255-character titles, long descriptions, 100 variants and line items. */
function addOversizedData(fake: FakeShopify) {
  const now = Date.now();
  for (let index = 0; index < 50; index += 1) {
    fake.data.locations.push({ id: 72_000 + index, name: `Location ${index} ${'l'.repeat(200)}` });
  }
  const locationIds = fake.data.locations.map((location) => location.id);
  const perLocation = (value: number) => Object.fromEntries(locationIds.map((id) => [id, value]));
  for (let index = 0; index < 100; index += 1) {
    const title = `Oversized ${String(index).padStart(3, '0')} ${'t'.repeat(240)}`.slice(0, 255);
    fake.data.products.push({
      id: 9_100_000 + index,
      title,
      handle: `oversized-${index}`,
      status: 'ACTIVE',
      vendor: `Vendor ${'v'.repeat(200)}`,
      productType: 'Oversized',
      tags: Array.from({ length: 250 }, (_, tag) => `tag-${tag}-${'g'.repeat(40)}`),
      description: `<p>${'Long description. '.repeat(3000)}</p>`,
      createdAt: new Date(now - index * 60_000),
      updatedAt: new Date(now - index * 60_000),
      options: [{ name: 'Size', values: Array.from({ length: 100 }, (_, value) => `size ${value}`) }],
      variants: Array.from({ length: 100 }, (_, variant) => ({
        id: 5_100_000 + index * 100 + variant,
        sku: `OVR-${index}-${variant}`,
        title: `Variant ${variant} ${'w'.repeat(200)}`,
        price: '10.00',
        compareAtPrice: '12.00',
        barcode: `99${String(index * 100 + variant).padStart(11, '0')}`,
        options: [{ name: 'Size', value: `size ${variant}` }],
        available: perLocation(5),
        committed: perLocation(1),
        incoming: perLocation(0),
      })),
      images: Array.from({ length: 10 }, (_, image) => ({
        url: `https://cdn.shopify.example/products/oversized-${index}-${image}.jpg`,
        altText: 'a'.repeat(500),
      })),
      collections: [],
    });
  }
  const product = fake.data.products.find((candidate) => candidate.handle === 'oversized-0')!;
  for (let index = 0; index < 100; index += 1) {
    fake.data.orders.push({
      id: 7_100_000 + index,
      name: `#${9001 + index}`,
      createdAt: new Date(now - index * 1000),
      customer: {
        id: 6_100_000 + index,
        displayName: `Customer ${'c'.repeat(200)}`,
        email: 'big@example.com',
        phone: '+31 6 12345678',
      },
      financialStatus: 'PAID',
      fulfillmentStatus: 'UNFULFILLED',
      lineItems: product.variants.map((variant, item) => ({
        id: 8_100_000 + index * 100 + item,
        variantId: variant.id,
        title: product.title,
        sku: variant.sku,
        quantity: 1,
        unitPrice: variant.price,
      })),
      discountCodes: [],
      discount: '0.00',
      shipping: { title: 'Standard', price: '0.00' },
      shippingAddress: {
        name: 'Big Customer',
        address1: '1 Long Street',
        city: 'Amsterdam',
        zip: '1011 AB',
        country: 'Netherlands',
        countryCode: 'NL',
        province: null,
      },
      refunds: [],
      fulfillments: [],
      tags: ['oversized'],
      note: 'n'.repeat(5000),
    });
  }
}

describe('Shopify tools keep structuredContent within its budget', () => {
  let fake: FakeShopify;
  let shopify: SpawnedClient;
  const { call, calledTools } = createStructuredBudgetCaller({
    client: () => shopify.client,
    maxStructuredChars,
  });

  beforeAll(async () => {
    fake = await startFakeShopify({ restoreRate: 1000 });
    addOversizedData(fake);
    shopify = await spawnStdioClient({
      args: [bin],
      env: {
        SHOPIFY_STORE_DOMAIN: fake.storeDomain,
        SHOPIFY_ACCESS_TOKEN: fake.accessToken,
        SHOPIFY_API_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'warn',
        MCP_STRUCTURED_MAX_CHARS: String(maxStructuredChars),
      },
    });
  });
  afterAll(async () => {
    await shopify?.close();
    await fake?.stop();
  });

  it.each(['list_products', 'search_products'])(
    '%s keeps the products that fit and says how to see the rest of the page',
    async (tool) => {
      const report = await call({
        name: tool,
        arguments:
          tool === 'list_products' ? { product_type: 'Oversized', first: 100 } : { text: 'Oversized', first: 100 },
        expectTruncated: true,
      });
      const products = report.structured.products as unknown[];
      expect(products.length).toBeGreaterThan(5);
      expect(products.length).toBeLessThan(100);
      expect(report.text).toContain(`[truncated: showing ${products.length} of 100 rows]`);
      expect(report.text).toContain(`Pass first=${products.length}`);
    },
  );

  it('get_product cuts the description and the lists, and the text shows the same cut product', async () => {
    const report = await call({ name: 'get_product', arguments: { handle: 'oversized-0' }, expectTruncated: true });
    const product = report.structured as { description: string; variants: unknown[] };
    expect(product.variants.length).toBeLessThan(100);
    expect(report.text).toContain(`showing ${product.variants.length} of 100 variants`);
    expect(report.text.match(/^- Variant /gm)).toHaveLength(product.variants.length);
  });

  it('list_orders keeps the orders that fit', async () => {
    const report = await call({
      name: 'list_orders',
      arguments: { query: 'tag:oversized', first: 100 },
      expectTruncated: true,
    });
    const orders = report.structured.orders as unknown[];
    expect(report.text).toContain(`[truncated: showing ${orders.length} of 100 rows]`);
  });

  it('get_order cuts its line items and note, and the text shows the same line items', async () => {
    const report = await call({ name: 'get_order', arguments: { name: '#9001' }, expectTruncated: true });
    const order = report.structured as { line_items: unknown[]; note: string };
    expect(order.line_items.length).toBeLessThan(100);
    expect(report.text.match(/^- 1 × /gm)).toHaveLength(order.line_items.length);
  });

  it('get_inventory keeps the levels that fit', async () => {
    const report = await call({ name: 'get_inventory', arguments: { sku: 'OVR-0-0' }, expectTruncated: true });
    const levels = report.structured.levels as unknown[];
    // Inventory levels come 50 per variant (the first 50 of its 52 locations).
    expect(levels.length).toBeLessThan(50);
    expect(report.text).toContain(`[truncated: showing ${levels.length} of 50 rows`);
  });

  it('every tool was called', async () => {
    const { tools } = await shopify.client.listTools();
    expect(calledTools()).toEqual(tools.map((tool) => tool.name).sort());
    // Each tool cut its own output: the kit's generic backstop never had to.
    expect(shopify.stderr()).not.toContain('was cut by the kit');
  });
});
