import { shopifyConfigFromEnvironment } from './shopify-config.js';

const token = { SHOPIFY_ACCESS_TOKEN: 'shpat_0123456789' };

function problem(environment: Record<string, string>): string {
  try {
    shopifyConfigFromEnvironment({ environment });
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain('shpat_0123456789');
    return message;
  }
  throw new Error('expected an error');
}

describe('shopifyConfigFromEnvironment', () => {
  it('reads the domain from a bare domain or the shop URL', () => {
    for (const value of ['example.myshopify.com', 'https://Example.myshopify.com/', ' example.myshopify.com ']) {
      expect(shopifyConfigFromEnvironment({ environment: { SHOPIFY_STORE_DOMAIN: value, ...token } })).toMatchObject({
        storeDomain: 'example.myshopify.com',
      });
    }
  });

  it('names what is wrong with SHOPIFY_STORE_DOMAIN', () => {
    expect(problem({ SHOPIFY_STORE_DOMAIN: 'https://admin.shopify.com/store/example/orders', ...token })).toBe(
      `Invalid configuration: SHOPIFY_STORE_DOMAIN: expected the shop's domain, not an admin link: use example.myshopify.com`,
    );
    expect(problem({ SHOPIFY_STORE_DOMAIN: 'example.myshopify.com/admin', ...token })).toContain(
      `SHOPIFY_STORE_DOMAIN: expected the shop's domain alone, such as example.myshopify.com, without a path`,
    );
    expect(problem({ SHOPIFY_STORE_DOMAIN: 'localhost:8080', ...token })).toContain(
      `SHOPIFY_STORE_DOMAIN: expected the shop's domain without a port; to send requests elsewhere, set SHOPIFY_API_BASE_URL`,
    );
    expect(problem({ SHOPIFY_STORE_DOMAIN: 'example', ...token })).toBe(
      'Invalid configuration: SHOPIFY_STORE_DOMAIN: expected a domain such as example.myshopify.com (got "example")',
    );
  });

  it('names what is wrong with SHOPIFY_API_BASE_URL and SHOPIFY_API_VERSION', () => {
    const domain = { SHOPIFY_STORE_DOMAIN: 'example.myshopify.com', ...token };
    expect(problem({ ...domain, SHOPIFY_API_BASE_URL: 'http://shpat_0123456789@127.0.0.1:8080' })).toContain(
      'SHOPIFY_API_BASE_URL: must not contain a user name or password: the access token goes in SHOPIFY_ACCESS_TOKEN',
    );
    expect(problem({ ...domain, SHOPIFY_API_BASE_URL: 'ftp://proxy' })).toContain(
      'SHOPIFY_API_BASE_URL: the scheme ftp:// is not supported: use http:// or https://',
    );
    expect(problem({ ...domain, SHOPIFY_API_VERSION: '2026-09' })).toBe(
      'Invalid configuration: SHOPIFY_API_VERSION: expected a version such as 2026-10 (a year and 01, 04, 07 or 10, or unstable) (got "2026-09")',
    );
  });
});
