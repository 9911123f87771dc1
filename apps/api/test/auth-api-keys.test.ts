import { createHash } from 'node:crypto';
import { hashToken } from '../src/auth/hash-token.js';
import { startAuthTestBed, type AuthApi, type AuthTestBed } from './auth-test-bed.js';

const aliceKey = 'alice-environment-key-0123456789';
const bobKey = 'bob-environment-key-9876543210';
// A loosely typed JSON body: each test states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const idOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** Personal API keys, API_KEYS users, the local user and the admin users list, over real HTTP. */
describe('who is asking without sign-in: API_KEYS, personal API keys, the local user', () => {
  let bed: AuthTestBed;
  let api: AuthApi;
  let local: AuthApi;

  beforeAll(async () => {
    bed = await startAuthTestBed();
    api = await bed.startApi({ apiKeys: [aliceKey, bobKey] });
    local = await bed.startApi({});
  }, 180_000);

  afterAll(() => bed?.stop());

  const call = async (
    base: string,
    path: string,
    { key, method = 'GET', json }: { key?: string; method?: string; json?: unknown } = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Body) : undefined };
  };

  it('names an API_KEYS key as an admin user whose id is its hash, as chats were owned before', async () => {
    const { status, body } = await call(api.base, '/api/me', { key: aliceKey });
    expect(status).toBe(200);
    expect(body).toEqual({
      user: {
        id: idOf(aliceKey),
        name: `API key …${idOf(aliceKey).slice(-4)}`,
        email: null,
        role: 'admin',
        groups: [],
      },
      authMethod: 'environment_key',
      mode: 'api_keys',
      csrfToken: null,
      signIn: null,
    });
    const rows = await bed.database.query('SELECT id FROM users WHERE id = $1', [idOf(aliceKey)]);
    expect(rows).toHaveLength(1);
    expect((await call(api.base, '/api/me')).status).toBe(401);
    expect((await call(api.base, '/api/me', { key: 'wrong' })).body!.error.code).toBe('unauthorized');
  });

  it('creates a personal key shown once and stored hashed, lists, uses and revokes it', async () => {
    const created = await call(api.base, '/api/me/api-keys', { key: aliceKey, method: 'POST', json: { name: 'CI' } });
    expect(created.status).toBe(201);
    const key = created.body!.key as string;
    expect(key).toMatch(/^cmcp_[\w-]{43}$/);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'CI',
      prefix: key.slice(0, 12),
      createdAt: expect.any(String),
      lastUsedAt: null,
      key,
    });
    const listed = await call(api.base, '/api/me/api-keys', { key: aliceKey });
    const { key: _shownOnce, ...summary } = created.body!;
    expect(listed.body).toEqual({ apiKeys: [summary] });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    // Only the hash is in the database: no column of any row holds the key.
    const rows = await bed.database.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [
      created.body!.id,
    ]);
    expect(rows[0]!.key_hash).toBe(hashToken(key));
    expect(JSON.stringify(rows)).not.toContain(key);

    const me = await call(api.base, '/api/me', { key });
    expect(me.body).toMatchObject({ user: { id: idOf(aliceKey) }, authMethod: 'api_key' });
    const [used] = await bed.database.query<{ last_used_at: Date | null }>(
      'SELECT last_used_at FROM api_keys WHERE id = $1',
      [created.body!.id],
    );
    expect(used!.last_used_at).not.toBeNull();
    // X-API-Key works as Bearer does.
    const viaHeader = await fetch(`${api.base}/api/me`, { headers: { 'x-api-key': key } });
    expect(viaHeader.status).toBe(200);

    // Another user cannot see or revoke it.
    expect(
      (await call(api.base, `/api/me/api-keys/${created.body!.id}`, { key: bobKey, method: 'DELETE' })).status,
    ).toBe(404);
    expect((await call(api.base, '/api/me/api-keys', { key: bobKey })).body).toEqual({ apiKeys: [] });
    expect(
      (await call(api.base, `/api/me/api-keys/${created.body!.id}`, { key: aliceKey, method: 'DELETE' })).status,
    ).toBe(204);
    const refused = await call(api.base, '/api/me', { key });
    expect([refused.status, refused.body!.error.code]).toEqual([401, 'unauthorized']);
    expect((await call(api.base, '/api/me/api-keys', { key: aliceKey })).body).toEqual({ apiKeys: [] });
    const audit = await bed.database.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE actor = $1 AND action LIKE 'api_key_%' ORDER BY id`,
      [idOf(aliceKey)],
    );
    expect(audit.map((row) => row.action)).toEqual(['api_key_created', 'api_key_revoked']);
  });

  it('checks the name of a new key', async () => {
    for (const json of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 'ok', extra: true }])
      expect((await call(api.base, '/api/me/api-keys', { key: aliceKey, method: 'POST', json })).status).toBe(400);
  });

  it('is the local user without sign-in or API_KEYS; personal keys work there too, revoked ones do not', async () => {
    const me = await call(local.base, '/api/me');
    expect(me.body).toEqual({
      user: { id: 'local', name: 'Local user', email: null, role: 'admin', groups: [] },
      authMethod: 'local',
      mode: 'local',
      csrfToken: null,
      signIn: null,
    });
    // A stray key from an old browser is ignored, as it always was.
    expect((await call(local.base, '/api/me', { key: 'old-key' })).body!.user.id).toBe('local');
    const created = await call(local.base, '/api/me/api-keys', { method: 'POST', json: { name: 'script' } });
    const key = created.body!.key as string;
    expect((await call(local.base, '/api/me', { key })).body).toMatchObject({
      authMethod: 'api_key',
      user: { id: 'local' },
    });
    await call(local.base, `/api/me/api-keys/${created.body!.id}`, { method: 'DELETE' });
    expect((await call(local.base, '/api/me', { key })).status).toBe(401);
  });

  it('lets admins list and change users; a member gets 403, a disabled user 403 user_disabled and 401 by key', async () => {
    await call(api.base, '/api/me', { key: bobKey });
    const bobId = idOf(bobKey);
    const bobPersonal = (await call(api.base, '/api/me/api-keys', { key: bobKey, method: 'POST', json: { name: 'b' } }))
      .body!.key as string;
    const listed = await call(api.base, '/api/admin/users', { key: aliceKey });
    expect(listed.status).toBe(200);
    expect(listed.body!.users).toEqual(
      expect.arrayContaining([
        {
          id: bobId,
          name: `API key …${bobId.slice(-4)}`,
          email: null,
          role: 'admin',
          roleOverride: null,
          groups: [],
          disabled: false,
          createdAt: expect.any(String),
          lastSeenAt: expect.any(String),
        },
      ]),
    );
    // An admin cannot lock themself out.
    for (const json of [{ disabled: true }, { roleOverride: 'member' }]) {
      const refused = await call(api.base, `/api/admin/users/${idOf(aliceKey)}`, {
        key: aliceKey,
        method: 'PATCH',
        json,
      });
      expect([refused.status, refused.body!.error.code]).toEqual([409, 'self_change']);
    }
    const demoted = await call(api.base, `/api/admin/users/${bobId}`, {
      key: aliceKey,
      method: 'PATCH',
      json: { roleOverride: 'member' },
    });
    expect(demoted.body).toMatchObject({ id: bobId, role: 'member', roleOverride: 'member' });
    expect((await call(api.base, '/api/admin/users/nobody', { key: aliceKey, method: 'PATCH', json: {} })).status).toBe(
      404,
    );
    // The demotion takes effect within the short cache of API_KEYS users (10 s); a personal key sees it at once.
    const forbidden = await call(api.base, '/api/admin/users', { key: bobPersonal });
    expect([forbidden.status, forbidden.body!.error.code]).toEqual([403, 'forbidden']);
    await call(api.base, `/api/admin/users/${bobId}`, { key: aliceKey, method: 'PATCH', json: { disabled: true } });
    expect((await call(api.base, '/api/me', { key: bobPersonal })).status).toBe(401);
    const fresh = await bed.startApi({ apiKeys: [aliceKey, bobKey] });
    const disabled = await call(fresh.base, '/api/me', { key: bobKey });
    expect([disabled.status, disabled.body!.error.code]).toEqual([403, 'user_disabled']);
    const audit = await bed.database.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'user_updated' ORDER BY id`,
    );
    expect(audit.map((row) => row.detail.changed)).toEqual([['roleOverride'], ['disabled']]);
  });
});
