import { randomBytes } from 'node:crypto';
import { createCookieBrowser, freePort, startOidcProvider, type OidcProvider } from '@connectormcp/services';
import { oidcSettings, startAuthTestBed, type AuthTestBed } from './auth-test-bed.js';

/** The API starts and answers while its OpenID provider is down, and signs people in once it is up. */
describe('an OpenID provider that is down when the API starts', () => {
  let bed: AuthTestBed;
  let provider: OidcProvider | undefined;

  beforeAll(async () => {
    bed = await startAuthTestBed();
  }, 180_000);

  afterAll(async () => {
    await bed?.stop();
    await provider?.stop();
  });

  it('starts, answers /healthz, says sign-in is unreachable (503), and signs in once the provider is up', async () => {
    const providerPort = await freePort();
    const apiPort = await freePort();
    const clientSecret = randomBytes(24).toString('hex');
    const publicUrl = `http://127.0.0.1:${apiPort}`;
    const api = await bed.startApi({
      port: apiPort,
      publicUrl,
      oidc: oidcSettings({ issuer: `http://127.0.0.1:${providerPort}`, clientSecret }),
    });
    expect((await fetch(`${api.base}/healthz`)).status).toBe(200);
    const down = await fetch(`${api.base}/api/auth/login`, { redirect: 'manual' });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      error: {
        code: 'identity_provider_unreachable',
        message: 'The sign-in provider cannot be reached right now; try again in a moment.',
        details: null,
      },
    });
    const page = await fetch(`${api.base}/api/auth/login`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('content-type')]).toEqual([503, expect.stringContaining('text/html')]);
    expect(await page.text()).toContain('cannot be reached');
    expect((await fetch(`${api.base}/api/me`)).status).toBe(401);

    provider = await startOidcProvider({
      port: providerPort,
      clients: [{ clientId: 'connectormcp', clientSecret, redirectUris: [`${publicUrl}/api/auth/callback`] }],
      users: [{ subject: 'alice', groups: ['connectormcp-admins'] }],
    });
    const browser = createCookieBrowser();
    const landed = await provider.signIn({
      browser,
      loginUrl: `${api.base}/api/auth/login`,
      user: 'alice',
      stopAt: (url) => url.origin === api.base && !url.pathname.startsWith('/api/auth/'),
    });
    expect(landed.url).toBe(`${api.base}/`);
    const me = await browser.request(`${api.base}/api/me`);
    expect(await me.json()).toMatchObject({ authMethod: 'session', user: { name: 'alice', role: 'admin' } });
  }, 120_000);
});
