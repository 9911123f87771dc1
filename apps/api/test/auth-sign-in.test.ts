import { randomBytes } from 'node:crypto';
import {
  createCookieBrowser,
  freePort,
  startOidcProvider,
  type CookieBrowser,
  type OidcProvider,
} from '@connectormcp/services';
import { hashToken } from '../src/auth/hash-token.js';
import { createSecretBox } from '../src/datasources/secret-box.js';
import { oidcSettings, startAuthTestBed, type AuthApi, type AuthTestBed } from './auth-test-bed.js';

const people = [
  { subject: 'alice', name: 'Alice Admin', email: 'alice@example.com', groups: ['connectormcp-admins', 'analysts'] },
  { subject: 'bob', name: 'Bob Member', email: 'bob@example.com', groups: ['analysts'] },
  { subject: 'carol', name: 'Carol', email: 'carol@example.com', groups: ['analysts'] },
  { subject: 'dave', name: 'Dave', email: 'dave@example.com', groups: ['finance'] },
  { subject: 'erin', name: 'Erin', email: 'erin@example.com', groups: ['analysts'] },
];

interface Me {
  user: { id: string; name: string; email: string | null; role: string; groups: string[] };
  authMethod: string;
  mode: string;
  csrfToken: string | null;
  signIn: { loginUrl: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sign-in with OpenID Connect against a real provider (oidc-provider) on loopback, over real HTTP: discovery,
 * authorization code with PKCE, state and nonce, sessions, refresh, logout, CSRF, cookies, redirects.
 */
describe('sign-in with OpenID Connect', () => {
  let bed: AuthTestBed;
  let provider: OidcProvider;
  let api: AuthApi;
  const clientSecret = randomBytes(24).toString('hex');
  /** Every credential seen in the tests: none may appear in a log line. */
  const credentials = new Set<string>([clientSecret]);
  const httpsPublicUrl = 'https://chat.example.test';

  beforeAll(async () => {
    bed = await startAuthTestBed();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({
      clients: [
        {
          clientId: 'connectormcp',
          clientSecret,
          redirectUris: [`${publicUrl}/api/auth/callback`, `${httpsPublicUrl}/api/auth/callback`],
        },
      ],
      users: people,
      // Short-lived tokens: a session refreshes them within the test.
      accessTokenTtlSeconds: 2,
      idTokenTtlSeconds: 2,
    });
    for (const person of people) credentials.add(provider.passwordOf(person.subject));
    api = await bed.startApi({ port, publicUrl, oidc: oidcSettings({ issuer: provider.issuer, clientSecret }) });
    // The embedded database and a 2048-bit key pair can take long on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await bed?.stop();
    await provider?.stop();
  });

  /** Signs `user` in with a new browser; returns it with its /api/me. */
  async function signIn(user: string, { target = api, returnTo = '/' } = {}) {
    const browser = createCookieBrowser();
    const landed = await provider.signIn({
      browser,
      loginUrl: `${target.base}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      user,
      // The app's own pages (the web app is not built here) are not requested.
      stopAt: (url) => url.origin === target.base && !url.pathname.startsWith('/api/auth/'),
    });
    const me = await meOf(browser, target);
    return { browser, landed, me };
  }

  async function meOf(browser: CookieBrowser, target = api) {
    const response = await browser.request(`${target.base}/api/me`);
    const body = (await response.json()) as Me & { error?: { code: string } };
    return { status: response.status, body };
  }

  const sessionCookie = (browser: CookieBrowser) => browser.cookie('connectormcp_session')!;

  it('discovers the provider, signs in with PKCE and says who is asking, with groups and role', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as {
      code_challenge_methods_supported: string[];
    };
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    const browser = createCookieBrowser();
    const login = await browser.request(`${api.base}/api/auth/login?returnTo=/chat/42`);
    expect(login.status).toBe(302);
    const authorization = new URL(login.headers.get('location')!);
    expect(authorization.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'connectormcp',
      redirect_uri: `${api.base}/api/auth/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const landed = await provider.signIn({
      browser,
      loginUrl: authorization.href,
      user: 'alice',
      stopAt: (url) => url.origin === api.base && !url.pathname.startsWith('/api/auth/'),
    });
    expect(landed.url).toBe(`${api.base}/chat/42`);
    const { status, body } = await meOf(browser);
    expect(status).toBe(200);
    expect(body).toEqual({
      user: {
        id: expect.stringMatching(/^u_/),
        name: 'Alice Admin',
        email: 'alice@example.com',
        role: 'admin',
        groups: ['connectormcp-admins', 'analysts'],
      },
      authMethod: 'session',
      mode: 'oidc',
      csrfToken: expect.any(String),
      signIn: { loginUrl: '/api/auth/login' },
    });
    credentials.add(sessionCookie(browser)).add(body.csrfToken!);
    // The database holds a hash of the cookie, never the cookie itself; the refresh token only encrypted.
    const [row] = await bed.database.query<{ id_hash: string; refresh_token: string | null; id_token: string }>(
      'SELECT id_hash, refresh_token, id_token FROM auth_sessions WHERE user_id = $1',
      [body.user.id],
    );
    expect(row!.id_hash).toBe(hashToken(sessionCookie(browser)));
    expect(row!.refresh_token).toMatch(/^v1\./);
    const box = createSecretBox({ keys: { current: bed.secretKey, previous: [] }, allowGenerated: false });
    credentials.add(box.decrypt(row!.refresh_token!)).add(row!.id_token);
    const admins = await browser.request(`${api.base}/api/admin/users`);
    expect(admins.status).toBe(200);
    const audit = await bed.database.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE action = 'sign_in' AND actor = $1`,
      [body.user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('makes a member of no admin group a member: admin routes are 403', async () => {
    const { browser, me } = await signIn('bob');
    expect(me.body.user).toMatchObject({ name: 'Bob Member', role: 'member', groups: ['analysts'] });
    const response = await browser.request(`${api.base}/api/admin/users`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('refreshes expired tokens on the next request and takes the groups anew', async () => {
    const { browser, me } = await signIn('carol');
    expect(me.body.user.role).toBe('member');
    const [before] = await bed.database.query<{ tokens_expire_at: Date }>(
      'SELECT tokens_expire_at FROM auth_sessions WHERE user_id = $1',
      [me.body.user.id],
    );
    provider.setUser({ ...people[2]!, groups: ['analysts', 'connectormcp-admins'] });
    await sleep(2_200);
    const after = await meOf(browser);
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ role: 'admin', groups: ['analysts', 'connectormcp-admins'] });
    const [refreshed] = await bed.database.query<{ tokens_expire_at: Date }>(
      'SELECT tokens_expire_at FROM auth_sessions WHERE user_id = $1',
      [me.body.user.id],
    );
    expect(new Date(refreshed!.tokens_expire_at).getTime()).toBeGreaterThan(
      new Date(before!.tokens_expire_at).getTime(),
    );
  });

  it('ends the session when the provider revokes the user or removes them: 401 session_expired', async () => {
    const revoked = await signIn('erin');
    const removed = await signIn('dave');
    expect([revoked.me.status, removed.me.status]).toEqual([200, 200]);
    provider.revokeUser('erin');
    provider.removeUser('dave');
    await sleep(2_200);
    for (const { browser, me } of [revoked, removed]) {
      const after = await meOf(browser);
      expect([after.status, after.body.error?.code]).toEqual([401, 'session_expired']);
      const rows = await bed.database.query('SELECT 1 FROM auth_sessions WHERE user_id = $1', [me.body.user.id]);
      expect(rows).toHaveLength(0);
    }
    provider.setUser(people[3]!);
  });

  it("signs out: the cookie stops working and logoutUrl is the provider's end-session URL", async () => {
    const { browser, me } = await signIn('bob');
    const cookie = sessionCookie(browser);
    const refused = await browser.request(`${api.base}/api/auth/logout`, { method: 'POST' });
    expect(refused.status).toBe(403);
    const response = await browser.request(`${api.base}/api/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': me.body.csrfToken! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/connectormcp_session=;.*Max-Age=0/);
    const { logoutUrl } = (await response.json()) as { logoutUrl: string };
    const url = new URL(logoutUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(api.base);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    credentials.add(url.searchParams.get('id_token_hint')!);
    const replayed = await fetch(`${api.base}/api/me`, { headers: { cookie: `connectormcp_session=${cookie}` } });
    expect(replayed.status).toBe(401);
    // The provider's own session ends too, and it sends the browser back to the app.
    const back = await provider.signOut({ browser, logoutUrl });
    expect(back.url.startsWith(api.base)).toBe(true);
  });

  it('refuses a forged state with 400 and creates no session', async () => {
    const browser = createCookieBrowser();
    const callback = await provider.signIn({
      browser,
      loginUrl: `${api.base}/api/auth/login`,
      user: 'bob',
      stopAt: (url) => url.pathname === '/api/auth/callback',
    });
    const forged = new URL(callback.url);
    credentials.add(forged.searchParams.get('code')!);
    forged.searchParams.set('state', 'forged-state');
    const sessionsBefore = await countSessions();
    const response = await browser.request(forged.href, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Sign-in failed');
    expect(page).toContain('href="/api/auth/login"');
    expect(response.headers.getSetCookie().some((line) => line.startsWith('connectormcp_session='))).toBe(false);
    // The attempt is used up: the genuine answer does not work after a forged one either.
    const genuine = await browser.request(callback.url);
    expect(genuine.status).toBe(400);
    expect(await countSessions()).toBe(sessionsBefore);
  });

  it('refuses an ID token whose nonce is not the one this browser was given', async () => {
    const browser = createCookieBrowser();
    const login = await browser.request(`${api.base}/api/auth/login`);
    const authorization = new URL(login.headers.get('location')!);
    authorization.searchParams.set('nonce', 'forged-nonce-0123456789');
    const sessionsBefore = await countSessions();
    const landed = await provider.signIn({ browser, loginUrl: authorization.href, user: 'bob' });
    expect(new URL(landed.url).pathname).toBe('/api/auth/callback');
    expect(landed.response!.status).toBe(400);
    const body = (await landed.response!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('login_failed');
    expect(await countSessions()).toBe(sessionsBefore);
    // Refused for the nonce, by openid-client's check, not for anything else along the way.
    expect(bed.logLines.some((line) => line.includes('sign-in refused') && line.includes('"claim":"nonce"'))).toBe(
      true,
    );
  });

  it('binds a sign-in to the browser that started it', async () => {
    const starter = createCookieBrowser();
    const callback = await provider.signIn({
      browser: starter,
      loginUrl: `${api.base}/api/auth/login`,
      user: 'bob',
      stopAt: (url) => url.pathname === '/api/auth/callback',
    });
    credentials.add(new URL(callback.url).searchParams.get('code')!);
    const other = createCookieBrowser();
    const response = await other.request(callback.url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('login_failed');
  });

  it('sets the cookies HttpOnly, SameSite=Lax, Path-scoped, Secure and __Host- on an https public URL', async () => {
    const login = await fetch(`${api.base}/api/auth/login`, { redirect: 'manual' });
    const loginCookie = login.headers.getSetCookie().find((line) => line.startsWith('connectormcp_login='))!;
    expect(loginCookie).toMatch(/; Max-Age=600; Path=\/api\/auth; HttpOnly; SameSite=Lax$/);
    // Plain http on loopback (a developer's machine): not Secure, or the browser would drop it.
    const local = createCookieBrowser();
    const callback = await provider.signIn({
      browser: local,
      loginUrl: `${api.base}/api/auth/login`,
      user: 'bob',
      stopAt: (url) => url.pathname === '/api/auth/callback',
    });
    const plain = await local.request(callback.url);
    expect(plain.status).toBe(303);
    const plainCookie = plain.headers.getSetCookie().find((line) => line.startsWith('connectormcp_session='))!;
    expect(plainCookie).toMatch(/^connectormcp_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);

    const secure = await bed.startApi({
      publicUrl: httpsPublicUrl,
      oidc: oidcSettings({ issuer: provider.issuer, clientSecret }),
    });
    const browser = createCookieBrowser();
    const secureLogin = await browser.request(`${secure.base}/api/auth/login`);
    expect(secureLogin.headers.getSetCookie()[0]).toMatch(/; Path=\/api\/auth; HttpOnly; Secure; SameSite=Lax$/);
    const answer = await provider.signIn({
      browser,
      loginUrl: secureLogin.headers.get('location')!,
      user: 'bob',
      stopAt: (url) => url.origin === httpsPublicUrl,
    });
    // The provider sends the browser to the public URL; here that is this API.
    const arrived = new URL(answer.url);
    const response = await browser.request(`${secure.base}${arrived.pathname}${arrived.search}`);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-connectormcp_session='))!;
    expect(cookie).toMatch(
      /^__Host-connectormcp_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    credentials.add(cookie.split(';')[0]!.split('=')[1]!);
  });

  it.each(['//evil.com', '/\\evil.com', 'https://evil.com/', '/\t/evil.com', 'http:evil.com'])(
    'sends the browser back to / for returnTo %p',
    async (returnTo) => {
      const browser = createCookieBrowser();
      const landed = await provider.signIn({
        browser,
        loginUrl: `${api.base}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
        user: 'bob',
        stopAt: (url) => !url.pathname.startsWith('/api/auth/') && url.origin !== provider.issuer,
      });
      expect(landed.url).toBe(`${api.base}/`);
    },
  );

  it('checks the CSRF token on changes made with the session cookie, not with an API key', async () => {
    const { browser, me } = await signIn('bob');
    const create = (headers: Record<string, string>) =>
      browser.request(`${api.base}/api/me/api-keys`, { method: 'POST', headers, json: { name: 'laptop' } });
    for (const headers of [
      {} as Record<string, string>,
      { 'x-csrf-token': 'wrong' },
      { 'x-csrf-token': `${me.body.csrfToken}x` },
    ]) {
      const refused = await create(headers);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    }
    const created = await create({ 'x-csrf-token': me.body.csrfToken! });
    expect(created.status).toBe(201);
    const { key, id } = (await created.json()) as { key: string; id: string };
    credentials.add(key);
    // A program with the key sends no cookie and needs no CSRF token.
    const byKey = await fetch(`${api.base}/api/me/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'script' }),
    });
    expect(byKey.status).toBe(201);
    credentials.add(((await byKey.json()) as { key: string }).key);
    const revoked = await browser.request(`${api.base}/api/me/api-keys/${id}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': me.body.csrfToken! },
    });
    expect(revoked.status).toBe(204);
  });

  it('refuses people outside the allowed groups with 403 not_allowed and no session', async () => {
    const restricted = await bed.startApi({
      publicUrl: api.base,
      oidc: oidcSettings({ issuer: provider.issuer, clientSecret, allowedGroups: ['analysts'] }),
    });
    // The provider knows only the callback of `api`'s address; the same path on `restricted` answers it.
    const sessionsBefore = await countSessions();
    const run = async (user: string) => {
      const browser = createCookieBrowser();
      const callback = await provider.signIn({
        browser,
        loginUrl: `${restricted.base}/api/auth/login`,
        user,
        stopAt: (url) => url.pathname === '/api/auth/callback',
      });
      const url = new URL(callback.url);
      return browser.request(`${restricted.base}${url.pathname}${url.search}`, { headers: { accept: 'text/html' } });
    };
    const refused = await run('dave');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('not in a group that may use this app');
    expect(await countSessions()).toBe(sessionsBefore);
    expect((await run('bob')).status).toBe(303);
  });

  it('reads the groups from userinfo when the provider keeps them out of the ID token', async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const secret = randomBytes(24).toString('hex');
    credentials.add(secret);
    const lean = await startOidcProvider({
      clients: [{ clientId: 'connectormcp', clientSecret: secret, redirectUris: [`${publicUrl}/api/auth/callback`] }],
      users: [{ subject: 'frank', name: 'Frank', groups: ['connectormcp-admins'] }],
      groupsInIdToken: false,
    });
    try {
      const target = await bed.startApi({
        port,
        publicUrl,
        oidc: oidcSettings({ issuer: lean.issuer, clientSecret: secret }),
      });
      const browser = createCookieBrowser();
      await lean.signIn({
        browser,
        loginUrl: `${target.base}/api/auth/login`,
        user: 'frank',
        stopAt: (url) => url.origin === target.base && !url.pathname.startsWith('/api/auth/'),
      });
      const { body } = await meOf(browser, target);
      expect(body.user).toMatchObject({ name: 'Frank', role: 'admin', groups: ['connectormcp-admins'] });
      const [row] = await bed.database.query<{ id_token: string }>(
        'SELECT id_token FROM auth_sessions JOIN users ON users.id = auth_sessions.user_id WHERE users.subject = $1',
        ['frank'],
      );
      credentials.add(row!.id_token);
      // The ID token itself carries no groups: they came from userinfo.
      const claims = JSON.parse(Buffer.from(row!.id_token.split('.')[1]!, 'base64url').toString('utf8')) as object;
      expect(claims).not.toHaveProperty('groups');
    } finally {
      await lean.stop();
    }
  });

  it('answers 401 with a sign-in link to a browser that is not signed in', async () => {
    const response = await fetch(`${api.base}/api/chat/sessions`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: expect.stringMatching(/Sign in/),
        details: { signIn: '/api/auth/login' },
      },
    });
  });

  it('writes no token, secret, password or cookie value to any log line', () => {
    expect(bed.logLines.length).toBeGreaterThan(20);
    const logs = bed.logLines.join('\n');
    expect(credentials.size).toBeGreaterThan(10);
    for (const credential of credentials) expect(logs.includes(credential) ? credential : null).toBeNull();
    expect(logs).toContain('[Redacted]');
  });

  async function countSessions() {
    const [row] = await bed.database.query<{ count: number }>('SELECT count(*)::int AS count FROM auth_sessions');
    return row!.count;
  }
});
