import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import {
  createMysqlAccount,
  freePort,
  seedMysqlSample,
  startMariadb,
  startOidcProvider,
  startPostgres,
  stopChildProcess,
  waitFor,
  type MariadbServer,
  type MysqlAccount,
  type OidcProvider,
  type PostgresServer,
} from '@connectormcp/services';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createRecordingBrowser, type RecordingBrowser } from './create-recording-browser.js';
import { readEventStream } from './read-event-stream.js';
import { startApiProcess, type ApiProcess } from './start-api-process.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

/** A person at the provider, and what they may do here through their groups. */
const people = {
  alice: { groups: ['connectormcp-admins'] },
  bob: { groups: ['analysts'] },
  carol: { groups: ['analysts'] },
  dave: { groups: ['finance'] },
} as const;
type Person = keyof typeof people;

interface SignedIn {
  browser: RecordingBrowser;
  id: string;
  csrfToken: string;
  /** A JSON request with the session cookie, and the CSRF token on changes. */
  call(url: string, init?: { method?: string; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/**
 * The team product across processes: two built API processes on one PostgreSQL, signing in through a real
 * OpenID provider, with MariaDB behind the connectors and the fake Anthropic API as the model.
 */
describe('two API instances on one PostgreSQL, with sign-in through an OpenID provider', () => {
  let postgres: PostgresServer;
  let mariadb: MariadbServer;
  let provider: OidcProvider;
  let fake: FakeAnthropic;
  let directory: string;
  let a: ApiProcess;
  let b: ApiProcess;
  let database: pg.Client;
  let writer: MysqlAccount;
  let reader: MysqlAccount;
  let warehouse: MysqlAccount;
  const rotatedPassword = randomBytes(24).toString('base64url');
  const secretKey = randomBytes(32).toString('base64');
  const newSecretKey = randomBytes(32).toString('base64');
  const clientSecret = randomBytes(24).toString('hex');
  /** The bearer token of the MySQL connector served over HTTP as its own service. */
  const connectorToken = randomBytes(24).toString('hex');
  let remoteConnector: { url: string; child: ChildProcess } | undefined;
  /** What both instances are started with. */
  let environment: Record<string, string>;
  /** What every process this test started printed: both instances (restarted ones too) and the rotation command. */
  const outputs: Array<() => string> = [];
  const output = () => outputs.map((read) => read()).join('\n');
  const browsers: RecordingBrowser[] = [];
  const signedIn = new Map<Person, SignedIn>();
  /** Each person's session cookie value, kept after signing out (it must never reach a log). */
  const sessionCookies = new Map<Person, string>();

  beforeAll(async () => {
    [postgres, mariadb, fake] = await Promise.all([startPostgres(), startMariadb(), startFakeAnthropic()]);
    await seedMysqlSample({ url: mariadb.url, database: 'shop' });
    [writer, reader, warehouse] = await Promise.all([
      createMysqlAccount({
        adminUrl: mariadb.url,
        user: 'shop_writer',
        database: 'shop',
        privileges: ['SELECT', 'SHOW VIEW', 'UPDATE'],
      }),
      createMysqlAccount({ adminUrl: mariadb.url, user: 'finance_reader', database: 'shop', privileges: ['SELECT'] }),
      createMysqlAccount({ adminUrl: mariadb.url, user: 'warehouse', database: 'shop', privileges: ['SELECT'] }),
    ]);
    const [portA, portB] = [await freePort(), await freePort()];
    // Both instances sit behind one public address (a load balancer would be there): A's.
    const publicUrl = `http://127.0.0.1:${portA}`;
    provider = await startOidcProvider({
      clients: [{ clientId: 'connectormcp', clientSecret, redirectUris: [`${publicUrl}/api/auth/callback`] }],
      users: Object.entries(people).map(([name, { groups }]) => ({
        subject: name,
        name,
        email: `${name}@example.com`,
        groups: [...groups],
      })),
    });
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-team-'));
    const configFile = join(directory, 'connectormcp.config.json');
    const mysqlUrl = (account: MysqlAccount) =>
      `mysql://${account.user}:${account.password}@127.0.0.1:${mariadb.port}/shop`;
    await writeFile(
      configFile,
      JSON.stringify({
        datasources: [
          {
            id: 'shop',
            name: 'Shop',
            kind: 'mysql',
            command: process.execPath,
            args: [mysqlBin],
            env: { MYSQL_URL: mysqlUrl(writer), MYSQL_ALLOW_WRITES: 'true', LOG_LEVEL: 'warn' },
          },
          {
            id: 'finance',
            name: 'Finance',
            kind: 'mysql',
            command: process.execPath,
            args: [mysqlBin],
            env: { MYSQL_URL: mysqlUrl(reader), LOG_LEVEL: 'warn' },
            access: { use: ['finance'], approve: null },
          },
        ],
      }),
    );
    environment = {
      DATABASE_URL: postgres.url,
      CONNECTORMCP_CONFIG: configFile,
      PUBLIC_URL: publicUrl,
      HOST: '127.0.0.1',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'connectormcp',
      OIDC_CLIENT_SECRET: clientSecret,
      CONNECTORMCP_SECRET_KEY: secretKey,
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: fake.baseUrl,
    };
    // Both at once on an empty database, as replicas start: the migrations run once, under a lock.
    [a, b] = await Promise.all([
      startApiProcess({ port: portA, environment }),
      startApiProcess({ port: portB, environment }),
    ]);
    outputs.push(a.output, b.output);
    database = new pg.Client({ connectionString: postgres.url });
    await database.connect();
  }, 300_000);

  afterAll(async () => {
    await database?.end();
    await Promise.allSettled([
      a?.stop(),
      b?.stop(),
      remoteConnector && stopChildProcess({ child: remoteConnector.child, timeoutMs: 5000 }),
    ]);
    await Promise.allSettled([provider?.stop(), fake?.stop(), mariadb?.stop(), postgres?.stop()]);
    if (directory) await rm(directory, { recursive: true, force: true });
  }, 60_000);

  /** Signs `person` in on instance A through the provider, as a browser does, once per test run. */
  async function signIn(person: Person): Promise<SignedIn> {
    const existing = signedIn.get(person);
    if (existing) return existing;
    const browser = createRecordingBrowser();
    browsers.push(browser);
    const landed = await provider.signIn({ browser, loginUrl: `${a.base}/api/auth/login?returnTo=/`, user: person });
    expect(new URL(landed.url).origin).toBe(a.base);
    const me = (await (await browser.request(`${a.base}/api/me`)).json()) as {
      user: { id: string; groups: string[] };
      authMethod: string;
      csrfToken: string;
    };
    expect(me).toMatchObject({ authMethod: 'session', user: { groups: [...people[person].groups] } });
    const session: SignedIn = {
      browser,
      id: me.user.id,
      csrfToken: me.csrfToken,
      call: (url, { method = 'GET', json, headers = {} } = {}) =>
        browser.request(url, {
          method,
          headers: { ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }), ...headers },
          ...(json === undefined ? {} : { json }),
        }),
    };
    signedIn.set(person, session);
    sessionCookies.set(person, browser.cookie('connectormcp_session')!);
    return session;
  }

  const body = async <T = Record<string, unknown>>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const currentCountry = async (id: number) => {
    const connection = await mysql.createConnection({ uri: `${mariadb.url}/shop` });
    try {
      const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT country FROM customers WHERE id = ?', [id]);
      return rows[0]!.country as string;
    } finally {
      await connection.end();
    }
  };
  const runQuery = (who: SignedIn, base: string, datasource: string, sql: string) =>
    who.call(`${base}/api/datasources/${datasource}/tools/execute_query`, {
      method: 'POST',
      json: { arguments: { sql } },
    });

  it('signs in on one instance and approves a write on the other: the run goes on and the write happens', async () => {
    const bob = await signIn('bob');
    // The same browser session is valid on B: sessions are rows in the shared database.
    expect(await body<{ user: { id: string } }>(await bob.call(`${b.base}/api/me`), 200)).toMatchObject({
      user: { id: bob.id },
    });
    expect(await currentCountry(7)).not.toBe('QQ');
    fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: "UPDATE customers SET country = 'QQ' WHERE id = 7" },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Customer 7 now lives in QQ.' }] },
    );
    let approvalId = '';
    const response = await bob.call(`${a.base}/api/chat/message`, {
      method: 'POST',
      headers: { accept: 'text/event-stream' },
      json: { message: 'Move customer 7 to QQ.', datasources: ['shop'] },
    });
    expect(response.status).toBe(200);
    const events = await readEventStream({
      response,
      onEvent: async (event) => {
        if (event.type !== 'approval_required') return;
        approvalId = event.id as string;
        expect(await currentCountry(7)).not.toBe('QQ');
        // B's approvals inbox already lists the write A is waiting on.
        const inbox = await body<{ approvals: Array<{ id: string; datasource: string; owner: { id: string } }> }>(
          await bob.call(`${b.base}/api/approvals`),
          200,
        );
        expect(inbox.approvals).toEqual([
          expect.objectContaining({
            id: approvalId,
            datasource: 'shop',
            owner: expect.objectContaining({ id: bob.id }),
          }),
        ]);
        const approve = (headers: Record<string, string>) =>
          bob.browser.request(`${b.base}/api/chat/approvals/${approvalId}`, {
            method: 'POST',
            headers,
            json: { approve: true },
          });
        // The session cookie alone does not change anything: a cross-site form could send that much.
        expect((await body<{ error: { code: string } }>(await approve({}), 403)).error.code).toBe('csrf_failed');
        await body(await approve({ 'x-csrf-token': bob.csrfToken }), 204);
      },
    });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['run', 'approval_required', 'tool_call_started', 'tool_call_finished', 'done']),
    );
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });
    expect(await currentCountry(7)).toBe('QQ');
    // Recorded in the shared database as decided by Bob, on B.
    const { rows } = await database.query<{ decided_by: string }>(
      'SELECT decided_by FROM pending_approvals WHERE id = $1',
      [approvalId],
    );
    expect(rows).toEqual([{ decided_by: bob.id }]);
    // And in the audit trail an admin reads on either instance: who asked, who approved, what ran.
    const alice = await signIn('alice');
    const audit = await body<{
      entries: Array<{ action: string; actor: { id: string }; tool: string | null; status: string }>;
    }>(await alice.call(`${a.base}/api/admin/audit?actor=${encodeURIComponent(bob.id)}`), 200);
    expect(audit.entries.map(({ action, actor, tool, status }) => ({ action, actor: actor.id, tool, status }))).toEqual(
      expect.arrayContaining([
        { action: 'question', actor: bob.id, tool: null, status: expect.any(String) },
        { action: 'approval', actor: bob.id, tool: 'execute_statement', status: 'approved' },
        { action: 'tool_call', actor: bob.id, tool: 'execute_statement', status: 'ok' },
      ]),
    );
  });

  it('keeps a datasource out of reach of someone not in its groups: chat, explorer and API answer as for an unknown id', async () => {
    const carol = await signIn('carol');
    const dave = await signIn('dave');
    const listed = async (who: SignedIn, base: string) =>
      (await body<{ datasources: Array<{ id: string }> }>(await who.call(`${base}/api/datasources`), 200)).datasources
        .map((datasource) => datasource.id)
        .sort();
    expect(await listed(carol, a.base)).toEqual(['shop']);
    expect(await listed(carol, b.base)).toEqual(['shop']);
    expect(await listed(dave, a.base)).toEqual(['finance', 'shop']);

    // Each refusal is exactly what an id that does not exist gets, so nobody learns that `finance` exists.
    const sameAsUnknown = async (request: (id: string) => Promise<Response>) => {
      const [hidden, unknown] = [await request('finance'), await request('nope')];
      const [hiddenBody, unknownBody] = [await hidden.text(), await unknown.text()];
      expect(hidden.status).toBe(unknown.status);
      expect(hidden.status).toBeGreaterThanOrEqual(400);
      expect(hiddenBody.replaceAll('finance', 'nope')).toBe(unknownBody);
      return hidden.status;
    };
    expect(await sameAsUnknown((id) => carol.call(`${a.base}/api/datasources/${id}/test`))).toBe(404);
    expect(await sameAsUnknown((id) => runQuery(carol, a.base, id, 'SELECT 1'))).toBe(404);
    const session = await body<{ id: string }>(
      await carol.call(`${a.base}/api/chat/sessions`, {
        method: 'POST',
        json: { title: 'Reach', datasources: ['shop'] },
      }),
      201,
    );
    await sameAsUnknown((id) =>
      carol.call(`${a.base}/api/chat/sessions/${session.id}/tool-calls`, {
        method: 'POST',
        json: { datasource: id, tool: 'execute_query', arguments: { sql: 'SELECT 1' } },
      }),
    );
    await sameAsUnknown((id) =>
      carol.call(`${a.base}/api/chat/sessions/${session.id}`, { method: 'PATCH', json: { datasources: [id] } }),
    );
    const asked = fake.requests.length;
    await sameAsUnknown((id) =>
      carol.call(`${a.base}/api/chat/message`, {
        method: 'POST',
        json: { sessionId: session.id, message: 'What is in finance?', datasources: ['shop', id] },
      }),
    );
    // Refused before the model was asked anything.
    expect(fake.requests.length).toBe(asked);

    // Through chat the model is offered the tools of the datasources she may use, never finance's.
    fake.script({ content: [{ type: 'text', text: 'Only the shop.' }] });
    await body(
      await carol.call(`${a.base}/api/chat/message`, {
        method: 'POST',
        json: { sessionId: session.id, message: 'What can you see?', datasources: ['shop'] },
      }),
      200,
    );
    const offered = fake.requests.at(-1)!.tools!.map((tool) => tool.name);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((name) => !name.startsWith('shop__'))).toEqual([]);
    // Dave is in the group: the same request offers him finance's tools.
    fake.script({ content: [{ type: 'text', text: 'Both.' }] });
    await body(
      await dave.call(`${a.base}/api/chat/message`, {
        method: 'POST',
        json: { message: 'What can you see?', datasources: ['shop', 'finance'] },
      }),
      200,
    );
    expect(fake.requests.at(-1)!.tools!.map((tool) => tool.name)).toContain('finance__execute_query');
  });

  it('lets an admin add a MySQL datasource with a secret on one instance, used at once on the other', async () => {
    const alice = await signIn('alice');
    const carol = await signIn('carol');
    const create = {
      id: 'warehouse',
      name: 'Warehouse',
      kind: 'mysql',
      transport: 'stdio',
      settings: {
        MYSQL_HOST: '127.0.0.1',
        MYSQL_PORT: String(mariadb.port),
        MYSQL_USER: warehouse.user,
        MYSQL_DATABASES: 'shop',
      },
      secrets: { MYSQL_PASSWORD: warehouse.password },
    };
    expect(
      (
        await body<{ error: { code: string } }>(
          await carol.call(`${a.base}/api/admin/datasources`, { method: 'POST', json: create }),
          403,
        )
      ).error.code,
    ).toBe('forbidden');
    const created = await body<Record<string, unknown>>(
      await alice.call(`${a.base}/api/admin/datasources`, { method: 'POST', json: create }),
      201,
    );
    expect(created).toMatchObject({ id: 'warehouse', source: 'app', secrets: { MYSQL_PASSWORD: { set: true } } });
    const listed = await body<{ datasources: Array<{ id: string; secrets: unknown }> }>(
      await alice.call(`${b.base}/api/admin/datasources`),
      200,
    );
    expect(listed.datasources.find((datasource) => datasource.id === 'warehouse')).toMatchObject({
      secrets: { MYSQL_PASSWORD: { set: true } },
    });
    // B decrypts the secret A stored and starts the connector with it.
    const answer = await body<{ isError: boolean; structuredContent: { rows: unknown[][] } }>(
      await runQuery(alice, b.base, 'warehouse', 'SELECT CURRENT_USER() AS who'),
      200,
    );
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent.rows[0]![0]).toBe(`${warehouse.user}@127.0.0.1`);
    // At rest it is ciphertext.
    const { rows } = await database.query('SELECT * FROM datasources');
    expect(JSON.stringify(rows)).not.toContain(warehouse.password);
  });

  it('lets an admin add a remote connector with a token header; the other instance calls it with that header', async () => {
    const alice = await signIn('alice');
    // Our MySQL connector as a service of its own (`--http`), which refuses requests without its token.
    const port = await freePort();
    const child = spawn(process.execPath, [mysqlBin, '--http', '--port', String(port)], {
      env: {
        PATH: process.env.PATH,
        MYSQL_URL: `mysql://${reader.user}:${reader.password}@127.0.0.1:${mariadb.port}/shop`,
        MCP_HTTP_TOKEN: connectorToken,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    remoteConnector = { url: `http://127.0.0.1:${port}/mcp`, child };
    await waitFor({
      probe: async () => (await fetch(remoteConnector!.url).catch(() => undefined))?.status === 401,
      description: 'the MySQL connector over HTTP',
      timeoutMs: 30_000,
    });
    const created = await body<Record<string, unknown>>(
      await alice.call(`${a.base}/api/admin/datasources`, {
        method: 'POST',
        json: {
          id: 'orders',
          name: 'Orders',
          kind: 'mysql',
          transport: 'http',
          url: remoteConnector.url,
          headers: { Authorization: `Bearer ${connectorToken}` },
        },
      }),
      201,
    );
    expect(created).toMatchObject({
      transport: 'http',
      url: remoteConnector.url,
      headers: { Authorization: { set: true } },
    });
    const answer = await body<{ isError: boolean; structuredContent: { rows: unknown[][] } }>(
      await runQuery(alice, b.base, 'orders', 'SELECT CURRENT_USER() AS who'),
      200,
    );
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent.rows[0]![0]).toBe(`${reader.user}@127.0.0.1`);
  });

  it("rotates the datasource's secret on one instance; the other uses the new one on its next call", async () => {
    const alice = await signIn('alice');
    // The database password changes and the old connections go: the old secret no longer works.
    const admin = await mysql.createConnection({ uri: mariadb.url });
    try {
      await admin.query(`ALTER USER 'warehouse'@'127.0.0.1' IDENTIFIED BY ${admin.escape(rotatedPassword)}`);
      const [connections] = await admin.query<mysql.RowDataPacket[]>(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'warehouse'",
      );
      for (const connection of connections) await admin.query(`KILL ${Number(connection.ID)}`);
    } finally {
      await admin.end();
    }
    const stale = await runQuery(alice, a.base, 'warehouse', 'SELECT CURRENT_USER() AS who');
    expect(stale.status === 200 ? ((await stale.json()) as { isError: boolean }).isError : true).toBe(true);

    const patched = await body<Record<string, unknown>>(
      await alice.call(`${b.base}/api/admin/datasources/warehouse`, {
        method: 'PATCH',
        json: { secrets: { MYSQL_PASSWORD: rotatedPassword } },
      }),
      200,
    );
    expect(patched).toMatchObject({ secrets: { MYSQL_PASSWORD: { set: true } } });
    const answer = await body<{ isError: boolean; structuredContent: { rows: unknown[][] } }>(
      await runQuery(alice, a.base, 'warehouse', 'SELECT CURRENT_USER() AS who'),
      200,
    );
    expect(answer.isError).toBe(false);
    expect(answer.structuredContent.rows[0]![0]).toBe(`${warehouse.user}@127.0.0.1`);
  });

  it('rotates CONNECTORMCP_SECRET_KEY as the README says: an instance with only the new key reads every secret', async () => {
    const alice = await signIn('alice');
    // With the new key current and the old one previous, the command re-encrypts what is stored.
    const command = spawn(process.execPath, [fileURLToPath(new URL('../dist/rotate-secret-key.js', import.meta.url))], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: postgres.url,
        CONNECTORMCP_SECRET_KEY: newSecretKey,
        CONNECTORMCP_PREVIOUS_SECRET_KEYS: secretKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    command.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    command.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => command.once('exit', resolve));
    expect([code, printed]).toEqual([0, expect.stringMatching(/1 secret\(s\) and 1 header\(s\) of 2 datasource\(s\)/)]);
    outputs.push(() => printed);
    // B restarts with the new key alone: the old one is gone, and both app datasources still work there.
    await b.stop();
    b = await startApiProcess({ port: b.port, environment: { ...environment, CONNECTORMCP_SECRET_KEY: newSecretKey } });
    outputs.push(b.output);
    for (const datasource of ['warehouse', 'orders']) {
      const answer = await body<{ isError: boolean }>(
        await runQuery(alice, b.base, datasource, 'SELECT 1 AS one'),
        200,
      );
      expect([datasource, answer.isError]).toEqual([datasource, false]);
    }
  });

  it('ends a session on every instance when it signs out on one', async () => {
    const carol = await signIn('carol');
    await body(await carol.call(`${b.base}/api/me`), 200);
    const { logoutUrl } = await body<{ logoutUrl: string | null }>(
      await carol.call(`${a.base}/api/auth/logout`, { method: 'POST' }),
      200,
    );
    // The provider's end-session URL, so the provider's own session can end too.
    expect(logoutUrl).toMatch(new RegExp(`^${provider.issuer}/`));
    // The cookie the browser had is dead on B as well, even if it were still sent.
    const replayed = await fetch(`${b.base}/api/me`, {
      headers: { cookie: `connectormcp_session=${sessionCookies.get('carol')!}` },
    });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toMatch(
      /^(unauthorized|session_expired)$/,
    );
  });

  it('never shows a secret in any response body of this test, nor in either instance’s output', async () => {
    const secrets = {
      warehousePassword: warehouse.password,
      rotatedPassword,
      shopWriterPassword: writer.password,
      financeReaderPassword: reader.password,
      clientSecret,
      secretKey,
      connectorToken,
      newSecretKey,
    };
    const bodies = (await Promise.all(browsers.map((browser) => browser.bodies()))).flat();
    expect(bodies.length).toBeGreaterThan(20);
    const seen = [...bodies, output()];
    const leaks = Object.entries(secrets).filter(([, secret]) => seen.some((text) => text.includes(secret)));
    expect(leaks.map(([name]) => name)).toEqual([]);
    // Nor a session: the cookie values never reach the logs.
    expect(sessionCookies.size).toBe(Object.keys(people).length);
    for (const value of sessionCookies.values()) expect(output()).not.toContain(value);
  });
});
