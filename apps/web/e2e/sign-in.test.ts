/**
 * @jest-environment node
 */
import { randomBytes } from 'node:crypto';
import { freePort, startOidcProvider, type OidcProvider } from '@connectormcp/services';
import type { BrowserContext, Page } from 'playwright-core';
import type { MeResponse } from '../src/account/account-types.js';
import { axeViolations } from './axe-violations.js';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const person = { subject: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', groups: ['analysts'] };

/**
 * Signing in to the web chat through a real OpenID provider (oidc-provider on loopback) in Chromium: the
 * sign-in screen, the provider's own login form, the user's name in the app, a personal API key shown
 * once that works for a program, a session ending mid-use without losing the typed message, and signing
 * out at the provider back to the sign-in screen.
 */
describe('sign-in through an OpenID provider, in Chromium over the real API', () => {
  let provider: OidcProvider | undefined;
  let opened: E2ePage | undefined;
  let app: E2eApp;
  let page: Page;
  let context: BrowserContext;
  let coverage: BrowserCoverage | undefined;
  const password = randomBytes(12).toString('base64url');
  const clientSecret = randomBytes(24).toString('hex');

  const screenshot = (name: string) => page.screenshot({ path: screenshotPath(`sign-in-${name}.png`), fullPage: true });
  const userMenu = () => page.getByRole('button', { name: /Account: Ada Lovelace/ });
  const signInAtProvider = async (at: Page) => {
    await at.getByRole('heading', { name: 'Sign in' }).waitFor();
    await at.getByLabel('User name').fill(person.subject);
    await at.getByLabel('Password').fill(password);
    await at.getByRole('button', { name: 'Sign in' }).click();
  };
  const meWith = async (headers: Record<string, string>) => {
    const response = await fetch(`${app.url}/api/me`, { headers });
    return { status: response.status, body: (await response.json()) as MeResponse };
  };

  beforeAll(async () => {
    // The provider must know the API's callback before the API knows the provider: the port comes first.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({
      clients: [{ clientId: 'connectormcp-web', clientSecret, redirectUris: [`${url}/api/auth/callback`] }],
      users: [{ ...person, password }],
    });
    opened = await openE2ePage({
      timeoutMs: 20_000,
      recordCoverage: true,
      app: {
        port,
        sources: ['files'],
        env: {
          PUBLIC_URL: url,
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: 'connectormcp-web',
          OIDC_CLIENT_SECRET: clientSecret,
        },
      },
    });
    ({ app, page, context, coverage } = opened);
  }, 180_000);

  afterAll(async () => {
    await coverage?.collect();
    await opened?.stop();
    await provider?.stop();
  });

  it('shows a visitor only the sign-in screen, accessible in the light and the dark theme', async () => {
    await page.goto(`${app.url}/?session=00000000-0000-4000-8000-000000000000`);
    const link = page.getByRole('link', { name: 'Sign in with your company account' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      '/api/auth/login?returnTo=%2F%3Fsession%3D00000000-0000-4000-8000-000000000000',
    );
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    for (const theme of ['light', 'dark'] as const) {
      if ((await page.evaluate(() => document.documentElement.classList.contains('dark'))) !== (theme === 'dark'))
        await page.getByRole('button', { name: `Switch to the ${theme} theme` }).click();
      expect({ theme, violations: await axeViolations({ page }) }).toEqual({ theme, violations: [] });
      await screenshot(`screen-${theme}`);
    }
    await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  });

  it('signs in through the provider’s login form and comes back to the app with the user’s name', async () => {
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    expect(new URL(page.url()).origin).toBe(provider!.issuer);
    await signInAtProvider(page);
    await userMenu().waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(await userMenu().textContent()).toContain('Member');
    // A member sees no admin views.
    const views = page.getByRole('navigation', { name: 'Views' });
    expect(await views.getByRole('button', { name: 'Users' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const cookies = await context.cookies(app.url);
    expect(cookies.find((cookie) => cookie.name === 'connectormcp_session')).toMatchObject({ httpOnly: true });
    await screenshot('signed-in');
  });

  it('creates an API key shown once, which works for a program, and revokes it', async () => {
    await userMenu().click();
    await page.getByRole('button', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Nightly report');
    await page.getByRole('button', { name: 'Create key' }).click();
    const field = page.getByRole('textbox', { name: 'New API key' });
    await field.waitFor();
    const key = await field.inputValue();
    expect(key).toMatch(/^cmcp_[\w-]{43}$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByText('you won’t see it again').count()).toBe(1);
    await screenshot('api-key-created');

    // The key is the user, without the browser's cookie.
    const asProgram = await meWith({ authorization: `Bearer ${key}` });
    expect(asProgram).toMatchObject({
      status: 200,
      body: { user: { name: 'Ada Lovelace', email: 'ada@example.com' }, authMethod: 'api_key', csrfToken: null },
    });

    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /Nightly report/ });
    expect(await row.textContent()).toContain(`${key.slice(0, 12)}…`);
    await page.reload();
    await userMenu().waitFor();
    expect(await page.content()).not.toContain(key);

    await userMenu().click();
    await page.getByRole('button', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Revoke Nightly report' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('You have no API keys yet.').waitFor();
    expect((await meWith({ authorization: `Bearer ${key}` })).status).toBe(401);
  });

  it('keeps the typed message when the session ends mid-use, and signing in again in a new window brings the app back', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('How many files are in the bucket?');
    // The session ends (as at its expiry): the next call the app makes (its polling) is refused.
    await context.clearCookies();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor({ timeout: 30_000 });
    expect({ violations: await axeViolations({ page }) }).toEqual({ violations: [] });
    await screenshot('session-ended');

    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      dialog.getByRole('button', { name: 'Sign in again' }).click(),
    ]);
    await signInAtProvider(popup);
    // Back in the app in that window, it tells this one and closes itself.
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await popup.waitForEvent('close', { timeout: 10_000 }).catch(() => undefined);
    expect(popup.isClosed()).toBe(true);
    expect(await message.inputValue()).toBe('How many files are in the bucket?');
    await userMenu().waitFor();
  });

  it('signs out at the provider too, back to the sign-in screen', async () => {
    await userMenu().click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks to confirm ending its own session, then sends the browser back to the app.
    await page.getByRole('heading', { name: 'Sign out?' }).waitFor();
    expect(new URL(page.url()).origin).toBe(provider!.issuer);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.origin === app.url);
    await screenshot('signed-out');
    await page.getByRole('link', { name: 'Sign in with your company account' }).waitFor();
    expect((await context.cookies(app.url)).some((cookie) => cookie.name === 'connectormcp_session')).toBe(false);
    // Signing in again asks for the password: the provider's session ended as well.
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    await page.getByLabel('Password').waitFor();
  });
});
