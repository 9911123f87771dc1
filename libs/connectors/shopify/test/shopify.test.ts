import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeShopify, type FakeShopify } from '@connectormcp/fake-shopify';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { installPackedPackages } from '@connectormcp/services';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const textOf = (result: unknown) =>
  ((result as { content?: Array<{ text: string }> }).content ?? []).map((block) => block.text).join('\n');
const day = 86_400_000;

describe('Shopify connector over stdio against the schema-checked fake', () => {
  let fake: FakeShopify;
  let shopify: SpawnedClient;
  const environment = (overrides: Record<string, string> = {}) => ({
    SHOPIFY_STORE_DOMAIN: fake.storeDomain,
    SHOPIFY_ACCESS_TOKEN: fake.accessToken,
    SHOPIFY_API_BASE_URL: fake.baseUrl,
    LOG_LEVEL: 'warn',
    MCP_RESULT_MAX_CHARS: '100000',
    ...overrides,
  });
  const call = (name: string, args: Record<string, unknown>, client = shopify) =>
    client.client.callTool({ name, arguments: args });
  beforeAll(async () => {
    fake = await startFakeShopify({ restoreRate: 1000 });
    shopify = await spawnStdioClient({ args: [bin], env: environment() });
  });
  afterAll(async () => {
    await shopify.close();
    // Every document the connector sent was valid against the real 2026-10 schema.
    await fake.stop();
  });

  it('pages through products with cursors', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const result = await call('list_products', { first: 10, ...(after ? { after } : {}) });
      expect(result.isError).toBeFalsy();
      const page = result.structuredContent as {
        products: Array<{ id: string; min_price: { amount: string; currency_code: string } }>;
        next_cursor: string | null;
      };
      seen.push(...page.products.map((product) => product.id));
      expect(page.products[0]!.min_price.currency_code).toBe('EUR');
      after = page.next_cursor ?? undefined;
    } while (after);
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
    expect(seen[0]).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
  });

  it('filters products and searches across title, SKU, vendor and tag', async () => {
    const active = await call('list_products', { status: 'active', vendor: 'Kyoto Tea Co', first: 50 });
    const products = (active.structuredContent as { products: Array<{ status: string; vendor: string }> }).products;
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((product) => product.status === 'ACTIVE' && product.vendor === 'Kyoto Tea Co')).toBe(true);
    const target = fake.data.products[3]!;
    const bySku = await call('search_products', { text: target.variants[1]!.sku });
    expect(
      (bySku.structuredContent as { products: Array<{ title: string }> }).products.map((product) => product.title),
    ).toEqual([target.title]);
    const byTitle = await call('search_products', { text: 'sencha' });
    expect((byTitle.structuredContent as { products: unknown[] }).products.length).toBeGreaterThan(0);
  });

  it('reads a product by number, GID or handle, and answers NOT_FOUND for an unknown one', async () => {
    const product = fake.data.products[0]!;
    const byNumber = await call('get_product', { id: String(product.id) });
    expect(byNumber.structuredContent).toMatchObject({
      title: product.title,
      handle: product.handle,
      variants: [
        { sku: product.variants[0]!.sku, price: { amount: product.variants[0]!.price, currency_code: 'EUR' } },
        expect.anything(),
      ],
    });
    expect(textOf(byNumber)).toContain('Ships in 2 days.');
    const byHandle = await call('get_product', { handle: product.handle });
    expect((byHandle.structuredContent as { id: string }).id).toBe(`gid://shopify/Product/${product.id}`);
    expect(textOf(await call('get_product', { id: '1' }))).toBe('NOT_FOUND: No product with id 1.');
    expect(textOf(await call('get_product', { id: 'gid://shopify/Order/1' }))).toMatch(
      /^INVALID_INPUT: Expected a Product id/,
    );
  });

  it('lists orders between explicit dates, newest first', async () => {
    const from = new Date(Date.now() - 14 * day).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 7 * day).toISOString().slice(0, 10);
    const result = await call('list_orders', { created_after: from, created_before: to, first: 100 });
    const orders = (
      result.structuredContent as { orders: Array<{ name: string; created_at: string; total: { amount: string } }> }
    ).orders;
    const expected = fake.data.orders.filter(
      (order) => order.createdAt.getTime() >= Date.parse(from) && order.createdAt.getTime() < Date.parse(to),
    );
    expect(orders.map((order) => order.name).sort()).toEqual(expected.map((order) => order.name).sort());
    const times = orders.map((order) => Date.parse(order.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const paid = await call('list_orders', { financial_status: 'paid', fulfillment_status: 'unshipped', first: 100 });
    expect(
      (
        paid.structuredContent as { orders: Array<{ financial_status: string; fulfillment_status: string }> }
      ).orders.every((order) => order.financial_status === 'PAID' && order.fulfillment_status === 'UNFULFILLED'),
    ).toBe(true);
  });

  it('masks customer personal data unless SHOPIFY_SHOW_PII is set', async () => {
    const order = fake.data.orders.find((candidate) => candidate.customer && candidate.refunds.length > 0)!;
    const masked = await call('get_order', { name: order.name });
    const detail = masked.structuredContent as {
      customer: { name: string; email: string; phone: string };
      pii_masked: boolean;
      shipping: { address: string };
      refunds: unknown[];
      timeline: string[];
    };
    expect(detail.pii_masked).toBe(true);
    expect(detail.customer.name).toBe(order.customer!.displayName);
    expect(detail.customer.email).toBe(`${order.customer!.email[0]}***@example.com`);
    expect(detail.customer.phone).toMatch(/^\*\*\* \d\d$/);
    expect(detail.shipping.address).toBe(`${order.shippingAddress.city}, ${order.shippingAddress.country}`);
    expect(JSON.stringify(masked)).not.toContain(order.customer!.email);
    expect(detail.refunds).toHaveLength(1);
    expect(detail.timeline.some((entry) => entry.includes('refund of'))).toBe(true);

    const open = await spawnStdioClient({ args: [bin], env: environment({ SHOPIFY_SHOW_PII: 'true' }) });
    try {
      const shown = await call('get_order', { id: String(order.id) }, open);
      expect((shown.structuredContent as { customer: { email: string } }).customer.email).toBe(order.customer!.email);
      expect((shown.structuredContent as { shipping: { address: string } }).shipping.address).toContain(
        order.shippingAddress.address1,
      );
    } finally {
      await open.close();
    }
  });

  it('reports inventory per location for a SKU', async () => {
    const variant = fake.data.products[4]!.variants[0]!;
    const result = await call('get_inventory', { sku: variant.sku });
    const levels = (
      result.structuredContent as {
        levels: Array<{ location: string; available: number; on_hand: number; incoming: number }>;
      }
    ).levels;
    expect(levels.map((level) => level.location)).toEqual(['Warehouse Amsterdam', 'Store Utrecht']);
    expect(levels[0]!.available).toBe(variant.available[71_001]);
    const utrecht = await call('get_inventory', { sku: variant.sku, location: 'utrecht' });
    expect((utrecht.structuredContent as { levels: unknown[] }).levels).toHaveLength(1);
    expect(textOf(await call('get_inventory', { sku: 'NOPE-1' }))).toBe('NOT_FOUND: No variant found for SKU NOPE-1.');
  });

  it('waits for the cost bucket when throttled, then answers', async () => {
    fake.drainBucket();
    const started = Date.now();
    const result = await call('list_orders', { first: 50 });
    expect(result.isError).toBeFalsy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('names a missing scope instead of failing deep in a query', async () => {
    fake.setScopes(['read_products']);
    const limited = await spawnStdioClient({ args: [bin], env: environment() });
    try {
      expect(textOf(await call('list_orders', {}, limited))).toMatch(
        /^ACCESS_DENIED: list_orders needs the read_orders scope/,
      );
      expect((await call('list_products', { first: 1 }, limited)).isError).toBeFalsy();
      expect(limited.stderr()).toMatch(/list_orders will fail: add read_orders to the app's access scopes/);
    } finally {
      await limited.close();
      fake.setScopes(['read_products', 'read_orders', 'read_all_orders', 'read_inventory', 'read_customers']);
    }
    const { stdout } = await run(process.execPath, [bin, '--check'], {
      env: { PATH: process.env.PATH, ...environment() },
    });
    expect(stdout).toMatch(/^ok: connected to ConnectorMCP Coffee \(connectormcp-demo\.myshopify\.com, EUR\)/);
  });

  it('rejects a bad token with ACCESS_DENIED and never prints the token', async () => {
    const wrong = await spawnStdioClient({
      args: [bin],
      env: environment({ SHOPIFY_ACCESS_TOKEN: 'shpat_wrong_token_555' }),
    });
    try {
      const result = await call('list_products', {}, wrong);
      expect(textOf(result)).toBe(
        'ACCESS_DENIED: Shopify rejected the access token: check SHOPIFY_ACCESS_TOKEN and SHOPIFY_STORE_DOMAIN.',
      );
      expect(JSON.stringify(result)).not.toContain('shpat_wrong_token_555');
    } finally {
      await wrong.close();
    }
    expect(wrong.stderr()).not.toContain('shpat_wrong_token_555');
  });

  it('installs from npm pack into an empty folder and `npx connectormcp-shopify --check` works there', async () => {
    const installed = await installPackedPackages({
      packageDirectories: [
        fileURLToPath(new URL('../../../connector-kit', import.meta.url)),
        fileURLToPath(new URL('..', import.meta.url)),
      ],
    });
    try {
      const result = await installed.npx({ bin: 'connectormcp-shopify', args: ['--check'], env: environment() });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^ok: connected to ConnectorMCP Coffee/);
    } finally {
      await installed.remove();
    }
  }, 180_000);
});
