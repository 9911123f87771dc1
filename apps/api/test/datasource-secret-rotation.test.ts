import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConnectorHub } from '@connectormcp/orchestrator';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createDatasourceRegistry } from '../src/datasources/datasource-registry.js';
import { createDatasourceStore } from '../src/datasources/datasource-store.js';
import { createSecretBox, type SecretBox } from '../src/datasources/secret-box.js';
import { newSecretKey } from './datasource-test-app.js';

const run = promisify(execFile);
const command = fileURLToPath(new URL('../dist/rotate-secret-key.js', import.meta.url));

const fields = {
  kind: 'mysql',
  command: 'node',
  args: [],
  url: null,
  settings: {},
  systemPrompt: null,
  examples: null,
  enabled: true,
  callTimeoutMs: 60_000,
  access: { use: null, approve: null },
};

/** The rotation command as an operator runs it, against the embedded database in `directory`. */
async function rotate({ directory, environment }: { directory: string; environment: Record<string, string> }) {
  try {
    const { stdout, stderr } = await run(process.execPath, [command], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: directory, LOG_LEVEL: 'warn', ...environment },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('rotate-secret-key re-encrypts every stored secret with the new key', () => {
  let directory: string;
  let database: Database | undefined;
  const keyA = newSecretKey();
  const keyB = newSecretKey();
  const databaseUrl = 'mysql://reader:pa55-word-0f-shop@db.internal:3306/shop';
  const bearer = 'Bearer remote-token-7c1e';
  const refreshToken = 'refresh-token-a91f';

  const rows = async () =>
    (
      await database!.query<{ id: string; secrets: string; headers: string }>(
        'SELECT id, secrets::text AS secrets, headers::text AS headers FROM datasources ORDER BY id',
      )
    ).concat(
      await database!.query<{ id: string; secrets: string; headers: string }>(
        "SELECT id_hash AS id, refresh_token AS secrets, '' AS headers FROM auth_sessions",
      ),
    );

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rotate-secret-key-'));
    database = await openDatabase({ directory });
    // First without a key: the embedded database generates one beside its data.
    const generated = createSecretBox({ keys: { previous: [] }, dataDirectory: directory, allowGenerated: true });
    await createDatasourceStore({ database, secretBox: generated }).create({
      id: 'remote',
      fields: { ...fields, kind: null, command: null, url: 'https://mcp.internal/mcp', name: 'Remote' },
      secrets: {},
      headers: { Authorization: bearer },
      actorId: 'local',
    });
    // Then with key A (the generated key still decrypts what it encrypted).
    const withA = createSecretBox({
      keys: { current: keyA, previous: [] },
      dataDirectory: directory,
      allowGenerated: true,
    });
    await createDatasourceStore({ database, secretBox: withA }).create({
      id: 'shop',
      fields: { ...fields, name: 'Shop' },
      secrets: { MYSQL_URL: databaseUrl },
      headers: {},
      actorId: 'local',
    });
    await database.query(`INSERT INTO users (id, name) VALUES ('u_ann', 'Ann')`);
    await database.query(
      `INSERT INTO auth_sessions (id_hash, user_id, csrf_token, refresh_token, expires_at) VALUES ('s1', 'u_ann', 'c', $1, now() + interval '1 hour')`,
      [withA.encrypt(refreshToken)],
    );
    await database.close();
    database = undefined;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const readAll = async ({ secretBox }: { secretBox: SecretBox }) => {
    const registry = createDatasourceRegistry({
      database: database!,
      hub: createConnectorHub({ datasources: [] }),
      fileDatasources: [],
      secretBox,
      mode: 'local',
    });
    await registry.sync();
    const [session] = await database!.query<{ refresh_token: string }>('SELECT refresh_token FROM auth_sessions');
    let token: string | Error;
    try {
      token = secretBox.decrypt(session!.refresh_token);
    } catch (error) {
      token = error as Error;
    }
    return {
      shop: registry.find('shop')!,
      remote: registry.find('remote')!,
      token,
    };
  };

  it('refuses to run without a key, or with a malformed one, naming the variable and never the value', async () => {
    const none = await rotate({ directory, environment: {} });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error: CONNECTORMCP_SECRET_KEY: set the new key/);
    const malformed = await rotate({ directory, environment: { CONNECTORMCP_SECRET_KEY: 'not-a-key-but-secret' } });
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^error: CONNECTORMCP_SECRET_KEY: expected 32 random bytes/);
    expect(malformed.stderr).not.toContain('not-a-key-but-secret');
  });

  it('with a key that decrypts nothing, names the datasource and changes nothing', async () => {
    database = await openDatabase({ directory });
    const before = await rows();
    await database.close();
    database = undefined;
    // Key A is not given: what A encrypted cannot be read (the generated key still is, from the data directory).
    const wrong = await rotate({ directory, environment: { CONNECTORMCP_SECRET_KEY: keyB } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /^error: datasource shop, secret MYSQL_URL: The stored secret was encrypted with key [0-9a-f]{8}, which is neither CONNECTORMCP_SECRET_KEY nor in CONNECTORMCP_PREVIOUS_SECRET_KEYS\.\n$/,
    );
    expect(wrong.stderr).not.toContain('pa55');
    database = await openDatabase({ directory });
    expect(await rows()).toEqual(before);
    await database.close();
    database = undefined;
  });

  it('re-encrypts secrets, headers and refresh tokens with the new key; the old keys are then not needed', async () => {
    const rotated = await rotate({
      directory,
      environment: { CONNECTORMCP_SECRET_KEY: keyB, CONNECTORMCP_PREVIOUS_SECRET_KEYS: keyA },
    });
    const keyIdB = createSecretBox({ keys: { current: keyB, previous: [] }, allowGenerated: false }).keyId;
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    expect(rotated.stdout).toBe(
      `Re-encrypted with key ${keyIdB}: 1 secret(s) and 1 header(s) of 2 datasource(s), 1 session refresh token(s), 0 alert webhook(s). Running instances reload their datasources on their next request.\n`,
    );
    database = await openDatabase({ directory });
    for (const row of await rows())
      expect(`${row.secrets} ${row.headers}`).not.toMatch(/pa55|remote-token|refresh-token/);
    expect((await rows()).map((row) => row.secrets).join(' ')).toContain(`v1.${keyIdB}.`);
    const [revision] = await database.query<{ revision: string }>('SELECT revision FROM datasource_revision');
    expect(Number(revision!.revision)).toBe(3);

    // Started with B alone (no previous key, no generated key file): everything still decrypts.
    const onlyB = await readAll({
      secretBox: createSecretBox({ keys: { current: keyB, previous: [] }, allowGenerated: false }),
    });
    expect(onlyB.shop.problem).toBeUndefined();
    expect(onlyB.shop.config.env).toEqual({ MYSQL_URL: databaseUrl });
    expect(onlyB.remote.config.headers).toEqual({ Authorization: bearer });
    expect(onlyB.token).toBe(refreshToken);

    // With the old key alone nothing decrypts: the datasource cannot run, and says why without a value.
    const onlyA = await readAll({
      secretBox: createSecretBox({ keys: { current: keyA, previous: [] }, allowGenerated: false }),
    });
    expect(onlyA.shop.problem).toMatch(/encrypted with key [0-9a-f]{8}, which is neither CONNECTORMCP_SECRET_KEY/);
    expect(onlyA.token).toBeInstanceOf(Error);
  });
});
