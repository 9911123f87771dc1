import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  measureShutdown,
  stackTraceLine,
  startUnreachableEndpoints,
  type UnreachableEndpoints,
} from '@connectormcp/connector-kit/testing';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const token = 'shpat_0123456789abcdef';

function check({ env }: { env: Record<string, string> }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--check'], { env: { PATH: process.env.PATH, ...env } }, (error, _, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stderr }),
    );
  });
}

describe('connectormcp-shopify configuration errors', () => {
  it.each([
    [
      { SHOPIFY_STORE_DOMAIN: 'https://admin.shopify.com/store/acme/orders' },
      "SHOPIFY_STORE_DOMAIN: expected the shop's domain, not an admin link: use acme.myshopify.com",
    ],
    [
      { SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com/admin' },
      "SHOPIFY_STORE_DOMAIN: expected the shop's domain alone, such as example.myshopify.com, without a path",
    ],
    [
      { SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com', SHOPIFY_API_BASE_URL: `http://${token}@127.0.0.1:8080` },
      'SHOPIFY_API_BASE_URL: must not contain a user name or password: the access token goes in SHOPIFY_ACCESS_TOKEN',
    ],
    [
      { SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com', SHOPIFY_API_BASE_URL: '127.0.0.1:8080' },
      'SHOPIFY_API_BASE_URL: has no scheme: it must start with http:// or https://',
    ],
    [
      { SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com', SHOPIFY_API_VERSION: '2026-11' },
      'SHOPIFY_API_VERSION: expected a version such as 2026-10 (a year and 01, 04, 07 or 10, or unstable)',
    ],
  ])('--check with %j exits 1 with one line naming the problem', async (variables, problem) => {
    const result = await check({ env: { SHOPIFY_ACCESS_TOKEN: token, ...variables } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^connectormcp-shopify: error: INVALID_CONFIG: Invalid configuration: [^\n]+\n$/);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toMatch(stackTraceLine);
  });
});

describe('connectormcp-shopify stops within a second, whatever the state of the shop', () => {
  let endpoints: UnreachableEndpoints;
  beforeAll(async () => {
    endpoints = await startUnreachableEndpoints();
  });
  afterAll(async () => {
    await endpoints.close();
  });

  it('--check on an unreachable API exits 1 naming the variables to check', async () => {
    const result = await check({
      env: {
        SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com',
        SHOPIFY_ACCESS_TOKEN: token,
        SHOPIFY_API_BASE_URL: `http://127.0.0.1:${endpoints.refusedPort}`,
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^connectormcp-shopify: error: UPSTREAM_UNAVAILABLE: Shopify could not be reached/);
    expect(result.stderr).toContain('check SHOPIFY_STORE_DOMAIN (or SHOPIFY_API_BASE_URL) and the network');
    expect(result.stderr).not.toContain(token);
  });

  const stops = ['end-of-input', 'SIGTERM'] as const;
  describe.each([
    ['refusing connections', () => endpoints.refusedPort],
    ['accepting connections and never answering', () => endpoints.silentPort],
  ] as const)('with the API %s', (_, port) => {
    it.each(stops)('on %s with requests in flight: exit 0 in under 1000 ms, no stack trace', async (stop) => {
      const report = await measureShutdown({
        args: [bin],
        env: {
          SHOPIFY_STORE_DOMAIN: 'acme.myshopify.com',
          SHOPIFY_ACCESS_TOKEN: token,
          SHOPIFY_API_BASE_URL: `http://127.0.0.1:${port()}`,
        },
        calls: [{ name: 'list_products' }, { name: 'list_orders' }],
        stop,
      });
      expect(report).toMatchObject({ code: 0, signal: null });
      expect(report.milliseconds).toBeLessThan(1000);
      expect(report.stderr).not.toMatch(stackTraceLine);
      expect(report.stderr).not.toContain(token);
    });
  });
});
