import { parseShopifyQuery, matchesShopifyQuery } from '../src/shopify-search-query.js';
import { startFakeShopify, type FakeShopify } from '../src/start-fake-shopify.js';

describe('Shopify search syntax', () => {
  it('parses fields, comparators, negation, quotes and OR', () => {
    expect(
      parseShopifyQuery("status:active vendor:'Nordic Roasters' -tag:gift created_at:>=2026-11-01 OR mug"),
    ).toEqual([
      [
        { field: 'status', comparator: ':', value: 'active', negated: false },
        { field: 'vendor', comparator: ':', value: 'Nordic Roasters', negated: false },
        { field: 'tag', comparator: ':', value: 'gift', negated: true },
        { field: 'created_at', comparator: '>=', value: '2026-11-01', negated: false },
      ],
      [{ field: null, comparator: ':', value: 'mug', negated: false }],
    ]);
    const fieldsOf = (field: string | null) =>
      field === 'created_at' ? [new Date('2026-11-05')] : field === 'status' ? ['ACTIVE'] : undefined;
    expect(matchesShopifyQuery({ groups: parseShopifyQuery('status:active created_at:>=2026-11-01'), fieldsOf })).toBe(
      true,
    );
    expect(matchesShopifyQuery({ groups: parseShopifyQuery('created_at:<2026-11-01'), fieldsOf })).toBe(false);
  });
});

describe('the fake Admin API', () => {
  let fake: FakeShopify;
  beforeAll(async () => {
    fake = await startFakeShopify({ maximumAvailable: 200, restoreRate: 10 });
  });
  afterAll(() => fake.stop());
  const post = async (query: string, token = fake.accessToken, version = '2026-10') => {
    const response = await fetch(`${fake.baseUrl}/admin/api/${version}/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: unknown;
        extensions?: { cost: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } } };
      },
    };
  };

  it('rejects what Shopify rejects: unknown fields, bad arguments, a missing token', async () => {
    expect((await post('{ products(first: 1) { nodes { nope } } }')).body.errors).toEqual([
      expect.objectContaining({ message: 'Cannot query field "nope" on type "Product".' }),
    ]);
    expect(JSON.stringify((await post('{ products(first: "ten") { nodes { id } } }')).body.errors)).toMatch(
      /Int cannot represent non-integer value/,
    );
    expect(JSON.stringify((await post('{ products(first: 300) { nodes { id } } }')).body.errors)).toMatch(
      /cannot exceed 250/,
    );
    expect((await post('{ shop { name } }', 'wrong')).status).toBe(401);
    expect((await post('{ shop { name } }', fake.accessToken, '2019-01')).status).toBe(404);
  });

  it('reports cost and throttles when the bucket is empty', async () => {
    const ok = await post('{ products(first: 50) { nodes { id } } }');
    expect(ok.body.extensions!.cost.requestedQueryCost).toBe(53);
    const heavy = await post('{ products(first: 250) { nodes { variants(first: 100) { nodes { id } } } } }');
    expect(heavy.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'THROTTLED' }) }),
    ]);
  });

  it('enforces access scopes per field', async () => {
    fake.setScopes(['read_products']);
    const denied = await post('{ orders(first: 1) { nodes { id } } }');
    expect(denied.body.errors).toEqual([
      expect.objectContaining({
        message: 'Access denied for orders field. Required access: `read_orders` access scope.',
      }),
    ]);
    fake.setScopes(['read_products', 'read_orders']);
  });
});
