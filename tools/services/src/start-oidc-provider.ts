import { generateKeyPair, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Provider, { type AdapterPayload } from 'oidc-provider';
import type { SignInBrowser } from './create-cookie-browser.js';

export interface OidcUser {
  /** The `sub` claim, also the user name typed in the login form. */
  subject: string;
  name?: string;
  email?: string;
  groups?: string[];
  /** Random when omitted; `signIn` knows it. */
  password?: string;
}

export interface OidcClientRegistration {
  clientId: string;
  /** A confidential client (client_secret_post) when given, else a public one (PKCE only). */
  clientSecret?: string;
  redirectUris: string[];
  /** Where RP-initiated logout may send the browser back; by default the origins of the redirect URIs. */
  postLogoutRedirectUris?: string[];
}

export interface StartOidcProviderOptions {
  users: OidcUser[];
  clients: OidcClientRegistration[];
  /** A fixed port (e.g. to start the provider later where an API already expects it); free port by default. */
  port?: number;
  /** Access token lifetime; short to test refresh. Default 600. */
  accessTokenTtlSeconds?: number;
  /** ID token lifetime. Default 600. */
  idTokenTtlSeconds?: number;
  /** Whether `groups` (and the profile) is in the ID token or only from userinfo. Default true. */
  groupsInIdToken?: boolean;
}

export interface OidcSignInResult {
  /** The last URL requested (where the flow ended, or the URL `stopAt` matched, not requested). */
  url: string;
  /** The last response (undefined when `stopAt` matched). */
  response?: Response;
}

export interface OidcProvider {
  /** `http://127.0.0.1:PORT`: discovery at `/.well-known/openid-configuration`. */
  issuer: string;
  port: number;
  /** Adds or replaces a user (e.g. other groups: the next refresh sees them). */
  setUser(user: OidcUser): void;
  /** Removes a user: refreshing their tokens fails from now on. */
  removeUser(subject: string): void;
  /** Ends the user's sessions and revokes every grant and token issued to them. */
  revokeUser(subject: string): void;
  passwordOf(subject: string): string;
  /**
   * Follows a sign-in as a browser does: GET `loginUrl` (the app's login link or an authorization URL),
   * follow redirects, fill in the login form with `user`'s password (or `password`), consent is automatic,
   * and on until a page that is not a redirect. `stopAt` ends the walk before requesting a matching URL.
   */
  signIn(options: {
    browser: SignInBrowser;
    loginUrl: string;
    user: string;
    password?: string;
    stopAt?: (url: URL) => boolean;
  }): Promise<OidcSignInResult>;
  /** Follows an end-session URL (the app's `logoutUrl`): confirms the provider's logout form. */
  signOut(options: { browser: SignInBrowser; logoutUrl: string }): Promise<OidcSignInResult>;
  stop(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const sameText = (left: string, right: string) => {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
};

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Tokens, sessions and grants in memory, each findable by the account it was issued to (for revokeUser). */
function createMemoryAdapter() {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt?: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      entries.set(this.key(id), {
        payload,
        ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
      });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [key, entry] of entries)
        if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid) return live(key);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key, entry] of entries)
        if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode) return live(key);
      return undefined;
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      entries.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
    }
  }
  return {
    MemoryAdapter,
    revokeAccount(accountId: string) {
      for (const [key, entry] of entries) if (entry.payload.accountId === accountId) entries.delete(key);
    },
  };
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for tests and the sandbox: discovery, authorization
 * code with PKCE (required), refresh tokens, userinfo, RP-initiated logout, a `groups` claim. Its login
 * page is a plain HTML form (user name and password) that programs can post too (form or JSON); consent
 * is given automatically.
 */
export async function startOidcProvider({
  users: initialUsers,
  clients,
  port,
  accessTokenTtlSeconds = 600,
  idTokenTtlSeconds = 600,
  groupsInIdToken = true,
}: StartOidcProviderOptions): Promise<OidcProvider> {
  const users = new Map<string, Required<OidcUser>>();
  const setUser = (user: OidcUser) =>
    users.set(user.subject, {
      subject: user.subject,
      name: user.name ?? user.subject,
      email: user.email ?? `${user.subject}@example.com`,
      groups: user.groups ?? [],
      password: user.password ?? users.get(user.subject)?.password ?? randomBytes(12).toString('base64url'),
    });
  for (const user of initialUsers) setUser(user);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  const listeningPort = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${listeningPort}`;
  const adapter = createMemoryAdapter();
  // Off the main thread: a busy machine takes a while, and the tests' servers keep answering meanwhile.
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    adapter: adapter.MemoryAdapter,
    clients: clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret
        ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [
        ...new Set(client.redirectUris.map((uri) => new URL(uri).origin)),
      ],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    })),
    async findAccount(_context: unknown, id: string) {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          name: user.name,
          email: user.email,
          email_verified: true,
          groups: user.groups,
        }),
      };
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'groups'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    // With this off, the scopes' claims (name, email, groups) go into the ID token as many providers do.
    conformIdTokenClaims: !groupsInIdToken,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (context: { body: string }, form: string) => {
          context.body = `<!doctype html><html><head><title>Sign out</title></head><body>
<h1>Sign out?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
</body></html>`;
        },
        postLogoutSuccessSource: async (context: { body: string }) => {
          context.body = '<!doctype html><html><body><h1>Signed out</h1></body></html>';
        },
      },
    },
    pkce: { required: () => true },
    // Refresh tokens for every client allowed the grant, also without prompt=consent (oidc-provider drops
    // offline_access otherwise): the app refreshes sessions as it would with most providers.
    issueRefreshToken: async (_context: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      IdToken: idTokenTtlSeconds,
      AuthorizationCode: 60,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 86_400,
      Grant: 86_400,
    },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    renderError: async (context: { type: string; body: string }, out: Record<string, string>) => {
      context.type = 'html';
      context.body = `<!doctype html><html><body><h1>${escapeHtml(out.error ?? 'error')}</h1><p>${escapeHtml(
        out.error_description ?? '',
      )}</p></body></html>`;
    },
  });
  // Errors are expected in tests (forged requests); keep them off the test output.
  provider.on('server_error', () => {});

  const loginPage = ({ uid, error }: { uid: string; error?: string }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
<h1>Sign in</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>User name <input name="username" autocomplete="username" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form></body></html>`;

  const sendHtml = (response: ServerResponse, status: number, html: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  };

  const interaction = async (request: IncomingMessage, response: ServerResponse, login: boolean) => {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      if (!login || request.method !== 'POST') return sendHtml(response, 200, loginPage({ uid: details.uid }));
      const { username = '', password = '' } = await readForm(request);
      const user = users.get(username);
      if (!user || !sameText(password, user.password))
        return sendHtml(response, 401, loginPage({ uid: details.uid, error: 'Wrong user name or password.' }));
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: user.subject } },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === 'consent') {
      const clientId = String(details.params.client_id);
      const grant = details.grantId
        ? ((await provider.Grant.find(details.grantId)) ??
          new provider.Grant({ accountId: details.session!.accountId, clientId }))
        : new provider.Grant({ accountId: details.session!.accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(
        request,
        response,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    sendHtml(response, 400, '<!doctype html><p>Unknown prompt.</p>');
  };

  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(request.url ?? '/', issuer).pathname);
    if (!match) return handle(request, response);
    interaction(request, response, Boolean(match[2])).catch(() => {
      if (!response.headersSent)
        sendHtml(response, 400, '<!doctype html><p>This sign-in has expired; start again.</p>');
    });
  });

  const walk = async ({
    browser,
    start,
    user,
    password,
    stopAt,
  }: {
    browser: SignInBrowser;
    start: { url: string; method?: string; form?: Record<string, string> };
    user?: string;
    password?: string;
    stopAt?: (url: URL) => boolean;
  }): Promise<OidcSignInResult> => {
    let next: { url: string; method?: string; form?: Record<string, string>; json?: unknown } = start;
    for (let hop = 0; hop < 30; hop++) {
      const url = new URL(next.url);
      if (stopAt?.(url)) return { url: url.href };
      const response = await browser.request(url.href, {
        method: next.method ?? 'GET',
        ...(next.form ? { form: next.form } : {}),
        ...(next.json ? { json: next.json } : {}),
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        next = { url: new URL(location, url).href };
        continue;
      }
      const loginForm = url.origin === issuer && /^\/interaction\/[\w-]+$/.test(url.pathname);
      if (loginForm && response.status === 200 && user !== undefined) {
        await response.body?.cancel();
        next = {
          url: `${url.href}/login`,
          method: 'POST',
          json: { username: user, password: password ?? users.get(user)?.password ?? '' },
        };
        user = undefined;
        continue;
      }
      return { url: url.href, response };
    }
    throw new Error('sign-in: too many redirects');
  };

  return {
    issuer,
    port: listeningPort,
    setUser,
    removeUser: (subject) => void users.delete(subject),
    revokeUser: (subject) => adapter.revokeAccount(subject),
    passwordOf: (subject) => users.get(subject)?.password ?? '',
    signIn: ({ browser, loginUrl, user, password, stopAt }) =>
      walk({
        browser,
        start: { url: loginUrl },
        user,
        ...(password === undefined ? {} : { password }),
        ...(stopAt ? { stopAt } : {}),
      }),
    async signOut({ browser, logoutUrl }) {
      const page = await browser.request(logoutUrl);
      const html = await page.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !xsrf) throw new Error(`sign-out: no logout form (${page.status})`);
      return walk({
        browser,
        start: { url: new URL(action, logoutUrl).href, method: 'POST', form: { xsrf, logout: 'yes' } },
      });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
