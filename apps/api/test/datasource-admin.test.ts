import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createConnectorHub, type ConnectorHub } from '@connectormcp/orchestrator';
import { createMysqlAccount, hasExited, stopChildProcess } from '@connectormcp/services';
import { pino } from 'pino';
import { adminDatasourceSchema, connectorKindsResponseSchema } from '../src/contracts/index.js';
import { createMember, datasourceTestApp, newSecretKey, recordingLogger } from './datasource-test-app.js';
import { expectContract } from './expect-contract.js';
import { startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

describe('datasources managed in the app, over real MySQL connectors', () => {
  let bed: ApiTestBed;
  let api: ReturnType<typeof datasourceTestApp>;
  let logs: string[];
  let secretValues: string[];
  let readerUrl: (password: string) => string;
  let password: string;
  let memberKey: string;
  const secretKey = newSecretKey();

  beforeAll(async () => {
    bed = await startApiTestBed();
    const recording = recordingLogger();
    logs = recording.lines;
    api = datasourceTestApp({
      bed,
      overrides: { logger: recording.logger, secretKeys: { current: secretKey, previous: [] } },
    });
    const account = await createMysqlAccount({
      adminUrl: bed.mariadb.url,
      user: 'reports_reader',
      database: 'shop',
      privileges: ['SELECT', 'SHOW VIEW'],
    });
    password = account.password;
    readerUrl = (secret) => bed.mariadb.url.replace(/\/\/[^@]+@/, `//${account.user}:${secret}@`) + '/shop';
    secretValues = [password, secretKey];
    memberKey = await createMember({ database: bed.database, id: 'u_mia', name: 'Mia Member', groups: ['sales'] });
  }, 180_000);

  afterAll(() => bed?.stop());

  const explore = (id: string, key?: string) =>
    api.call({
      method: 'post',
      path: `/api/datasources/${id}/tools/execute_query`,
      body: { arguments: { sql: 'SELECT COUNT(*) AS n FROM customers' } },
      ...(key ? { key } : {}),
    });

  it('lists the connector kinds with the variables each connector declares', async () => {
    const response = await api.call({ method: 'get', path: '/api/admin/connector-kinds' });
    expect(response.status).toBe(200);
    const body = expectContract(connectorKindsResponseSchema, response.body);
    // A connector that cannot describe itself is left out and logged: the log says why.
    expect(logs.filter((line) => line.includes('could not describe'))).toEqual([]);
    expect(body.kinds.map((kind) => kind.kind)).toEqual(['mysql', 's3', 'jira', 'shopify']);
    const mysql = body.kinds.find((kind) => kind.kind === 'mysql')!;
    expect(mysql).toMatchObject({ package: '@connectormcp/mysql', transport: 'stdio' });
    expect(mysql.variables.find((variable) => variable.name === 'MYSQL_URL')).toMatchObject({
      isSecret: true,
      isRequired: false,
    });
    expect(mysql.variables.some((variable) => variable.name === 'LOG_LEVEL')).toBe(true);
  });

  it("refuses what the kind's variables do not allow, naming the variable", async () => {
    const base = { id: 'reports', name: 'Reports', kind: 'mysql', transport: 'stdio' };
    const refused = async (body: unknown, path: string) => {
      const response = await api.call({ method: 'post', path: '/api/admin/datasources', body });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(response.body.error.details[0].path).toBe(path);
      expect(response.body.error.message).toContain(path.split('.')[1]);
    };
    await refused(
      { ...base, secrets: { MYSQL_URL: readerUrl(password) }, settings: { MYSQL_NOPE: '1' } },
      'settings.MYSQL_NOPE',
    );
    await refused(
      { id: 'store', name: 'Store', kind: 'shopify', settings: { SHOPIFY_STORE_DOMAIN: 'example.myshopify.com' } },
      'secrets.SHOPIFY_ACCESS_TOKEN',
    );
    await refused({ ...base, settings: { MYSQL_URL: readerUrl(password) } }, 'settings.MYSQL_URL');
    await refused({ ...base, secrets: { MYSQL_URL: readerUrl(password), NOT_MYSQL: 'x' } }, 'secrets.NOT_MYSQL');
    const unknownKind = await api.call({
      method: 'post',
      path: '/api/admin/datasources',
      body: { id: 'custom', name: 'Custom', transport: 'stdio' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.message).toMatch(/command/);
  });

  it('tests a datasource before saving it, without a secret in the answer', async () => {
    const body = { id: 'draft', name: 'Draft', kind: 'mysql', transport: 'stdio' };
    const ok = await api.call({
      method: 'post',
      path: '/api/admin/datasources/test',
      body: { ...body, secrets: { MYSQL_URL: readerUrl(password) } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ datasourceId: 'draft', status: 'ok' });
    expect(ok.body.toolCount).toBeGreaterThan(0);
    const wrong = 'wrong-' + randomBytes(8).toString('hex');
    secretValues.push(wrong);
    const failed = await api.call({
      method: 'post',
      path: '/api/admin/datasources/test',
      body: { ...body, secrets: { MYSQL_URL: readerUrl(wrong) } },
    });
    expect(failed.body).toMatchObject({ datasourceId: 'draft', status: 'error' });
    expect((await api.call({ method: 'get', path: '/api/admin/datasources' })).body.datasources).not.toContainEqual(
      expect.objectContaining({ id: 'draft' }),
    );
  });

  it('creates a MySQL datasource whose secret is stored encrypted, and the chat and the explorer can use it', async () => {
    const created = await api.call({
      method: 'post',
      path: '/api/admin/datasources',
      body: {
        id: 'reports',
        name: 'Reports',
        kind: 'mysql',
        transport: 'stdio',
        settings: { MYSQL_MAX_ROWS: '50' },
        secrets: { MYSQL_URL: readerUrl(password) },
        systemPrompt: 'Amounts in the reports database are in cents.',
        examples: ['How many customers are there?'],
      },
    });
    expect(created.status).toBe(201);
    expectContract(adminDatasourceSchema, created.body);
    expect(created.body).toMatchObject({
      id: 'reports',
      source: 'app',
      readOnly: false,
      enabled: true,
      transport: 'stdio',
      command: null,
      settings: { MYSQL_MAX_ROWS: '50' },
      secrets: { MYSQL_URL: { set: true } },
      systemPrompt: 'Amounts in the reports database are in cents.',
      updatedBy: expect.any(String),
    });
    const [row] = await bed.database.query<{ secrets: Record<string, string>; settings: unknown }>(
      "SELECT secrets, settings FROM datasources WHERE id = 'reports'",
    );
    expect(row!.secrets.MYSQL_URL).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    secretValues.push(row!.secrets.MYSQL_URL!);
    expect(JSON.stringify(row)).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain('reports_reader');

    const listed = await api.call({ method: 'get', path: '/api/datasources' });
    expect(listed.body.datasources.map((datasource: { id: string }) => datasource.id)).toEqual([
      'shop',
      'offline',
      'reports',
    ]);
    expect(listed.body.datasources[2]).toMatchObject({ examples: ['How many customers are there?'] });
    const explored = await explore('reports');
    expect(explored.status).toBe(200);
    expect(explored.body.isError).toBe(false);
    expect(JSON.stringify(explored.body.structuredContent)).toContain('120');

    bed.fake.script(
      {
        content: [
          { type: 'tool_use', name: 'reports__execute_query', input: { sql: 'SELECT COUNT(*) AS n FROM customers' } },
        ],
      },
      { content: [{ type: 'text', text: 'There are 120 customers.' }] },
    );
    const chat = await api.call({
      method: 'post',
      path: '/api/chat/message',
      body: { message: 'How many customers?', datasources: ['reports'] },
    });
    expect(chat.status).toBe(200);
    const [asked] = bed.fake.requests.slice(-2);
    expect(asked!.tools!.map((tool) => tool.name)).toContain('reports__execute_query');
    expect(JSON.stringify(asked)).toContain('Amounts in the reports database are in cents.');
    expect(JSON.stringify(bed.fake.requests.at(-1)!.messages)).toContain('120');
  });

  it('rotating the secret takes effect on the next call and restarts only that connector', async () => {
    await explore('shop');
    const shopPid = bed.hub.status('shop').pid;
    const reportsPid = bed.hub.status('reports').pid;
    expect(shopPid).toEqual(expect.any(Number));
    expect(reportsPid).toEqual(expect.any(Number));
    // The account's password changes: the old secret is now wrong.
    const rotated = await createMysqlAccount({
      adminUrl: bed.mariadb.url,
      user: 'reports_reader',
      database: 'shop',
      privileges: ['SELECT', 'SHOW VIEW'],
    });
    secretValues.push(rotated.password);
    password = rotated.password;
    const patched = await api.call({
      method: 'patch',
      path: '/api/admin/datasources/reports',
      body: { secrets: { MYSQL_URL: readerUrl(rotated.password) } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.secrets).toEqual({ MYSQL_URL: { set: true } });
    expect(patched.body.settings).toEqual({ MYSQL_MAX_ROWS: '50' });
    const explored = await explore('reports');
    expect(explored.body.isError).toBe(false);
    expect(bed.hub.status('reports').pid).not.toBe(reportsPid);
    expect(bed.hub.status('shop').pid).toBe(shopPid);
    const [row] = await bed.database.query<{ secrets: Record<string, string> }>(
      "SELECT secrets FROM datasources WHERE id = 'reports'",
    );
    expect(JSON.stringify(row)).not.toContain(rotated.password);
    secretValues.push(row!.secrets.MYSQL_URL!);
  });

  it('a second instance on the same database notices every change on its next call', async () => {
    const hub: ConnectorHub = createConnectorHub({ datasources: [] });
    try {
      const second = datasourceTestApp({
        bed,
        overrides: {
          hub,
          fileDatasources: [],
          logger: pino({ level: 'silent' }),
          secretKeys: { current: secretKey, previous: [] },
        },
      });
      const ids = async () =>
        (await second.call({ method: 'get', path: '/api/datasources' })).body.datasources.map(
          (datasource: { id: string; name: string }) => `${datasource.id}:${datasource.name}`,
        );
      expect(await ids()).toEqual(['reports:Reports']);
      expect((await explore('reports')).body.isError).toBe(false);
      const onSecond = await second.call({
        method: 'post',
        path: '/api/datasources/reports/tools/execute_query',
        body: { arguments: { sql: 'SELECT 1 AS one' } },
      });
      expect(onSecond.body.isError).toBe(false);
      await api.call({ method: 'patch', path: '/api/admin/datasources/reports', body: { name: 'Monthly reports' } });
      expect(await ids()).toEqual(['reports:Monthly reports']);
      await api.call({ method: 'patch', path: '/api/admin/datasources/reports', body: { enabled: false } });
      expect(await ids()).toEqual([]);
      await api.call({ method: 'patch', path: '/api/admin/datasources/reports', body: { enabled: true } });
      expect(await ids()).toEqual(['reports:Monthly reports']);
      second.bodies.forEach((body) => api.bodies.push(body));
    } finally {
      await hub.close();
    }
  });

  it('disables, enables and deletes, auditing each change by field and secret names only', async () => {
    const disabled = await api.call({
      method: 'patch',
      path: '/api/admin/datasources/reports',
      body: { enabled: false },
    });
    expect(disabled.body).toMatchObject({ enabled: false, health: { status: 'unreachable', reason: 'Disabled.' } });
    expect((await explore('reports')).status).toBe(404);
    const ids = async () =>
      (await api.call({ method: 'get', path: '/api/datasources' })).body.datasources.map(
        (datasource: { id: string }) => datasource.id,
      );
    expect(await ids()).not.toContain('reports');
    const savedTest = await api.call({ method: 'post', path: '/api/admin/datasources/reports/test' });
    expect(savedTest.body).toMatchObject({ datasourceId: 'reports', status: 'ok' });
    await api.call({ method: 'patch', path: '/api/admin/datasources/reports', body: { enabled: true } });
    expect(await ids()).toContain('reports');
    expect((await api.call({ method: 'delete', path: '/api/admin/datasources/reports' })).status).toBe(204);
    expect(await ids()).not.toContain('reports');
    expect((await explore('reports')).status).toBe(404);
    expect(bed.hub.datasources().map((datasource) => datasource.id)).toEqual(['shop', 'offline']);
    expect((await api.call({ method: 'delete', path: '/api/admin/datasources/reports' })).status).toBe(404);

    const audit = await bed.database.query<{ action: string; detail: { changed: string[]; secrets?: string[] } }>(
      "SELECT action, detail FROM audit_log WHERE datasource = 'reports' AND action LIKE 'datasource_%' ORDER BY id",
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'datasource_created',
      'datasource_updated',
      'datasource_updated',
      'datasource_updated',
      'datasource_updated',
      'datasource_updated',
      'datasource_updated',
      'datasource_deleted',
    ]);
    expect(audit[0]!.detail.secrets).toEqual(['MYSQL_URL']);
    expect(audit[1]!.detail).toEqual({ changed: [], secrets: ['MYSQL_URL'], headers: [] });
    expect(audit[2]!.detail.changed).toEqual(['name']);
  });

  it('shows file datasources read-only, with only the values their kind says are not secret', async () => {
    const listed = await api.call({ method: 'get', path: '/api/admin/datasources' });
    const shop = listed.body.datasources.find((datasource: { id: string }) => datasource.id === 'shop');
    expectContract(adminDatasourceSchema, shop);
    expect(shop).toMatchObject({
      source: 'file',
      readOnly: true,
      settings: { MYSQL_ALLOW_WRITES: 'true', LOG_LEVEL: 'warn' },
      secrets: { MYSQL_URL: { set: true } },
      createdAt: null,
    });
    const patched = await api.call({ method: 'patch', path: '/api/admin/datasources/shop', body: { name: 'Mine' } });
    expect(patched.status).toBe(409);
    expect(patched.body.error.code).toBe('read_only_datasource');
    expect((await api.call({ method: 'delete', path: '/api/admin/datasources/shop' })).status).toBe(409);
    const taken = await api.call({
      method: 'post',
      path: '/api/admin/datasources',
      body: {
        id: 'shop',
        name: 'Again',
        kind: 'mysql',
        transport: 'stdio',
        secrets: { MYSQL_URL: readerUrl(password) },
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('datasource_exists');
  });

  it('lets only admins reach the admin routes', async () => {
    for (const [method, path] of [
      ['get', '/api/admin/datasources'],
      ['get', '/api/admin/connector-kinds'],
      ['post', '/api/admin/datasources'],
      ['post', '/api/admin/datasources/test'],
      ['patch', '/api/admin/datasources/shop'],
      ['delete', '/api/admin/datasources/shop'],
      ['post', '/api/admin/datasources/shop/test'],
    ] as const) {
      const response = await api.call({ method, path, key: memberKey, body: {} });
      expect([path, response.status, response.body.error?.code]).toEqual([path, 403, 'forbidden']);
    }
    expect((await api.call({ method: 'get', path: '/api/admin/datasources', key: testKeys.bob })).status).toBe(200);
  });

  it('reaches a remote connector over HTTP with its bearer token as a secret header', async () => {
    const token = randomBytes(24).toString('base64url');
    secretValues.push(token);
    let connector: ChildProcess | undefined;
    try {
      connector = spawn(process.execPath, [mysqlBin, '--http', '--port', '0', '--host', '127.0.0.1'], {
        env: { ...process.env, MYSQL_URL: readerUrl(password), MCP_HTTP_TOKEN: token, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        connector!.stderr!.on('data', (chunk: Buffer) => {
          seen += chunk.toString('utf8');
          const found = /listening on (http:\/\/\S+)/.exec(seen);
          if (found) resolve(found[1]!);
        });
        connector!.once('exit', () => reject(new Error(`the connector exited: ${seen}`)));
      });
      // The account's password changed in an earlier test: the remote connector gets the current one.
      const created = await api.call({
        method: 'post',
        path: '/api/admin/datasources',
        body: {
          id: 'remote',
          name: 'Remote shop',
          transport: 'http',
          url,
          headers: { Authorization: `Bearer ${token}` },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        transport: 'http',
        url,
        command: null,
        headers: { Authorization: { set: true } },
      });
      const [row] = await bed.database.query<{ headers: Record<string, string> }>(
        "SELECT headers FROM datasources WHERE id = 'remote'",
      );
      expect(JSON.stringify(row)).not.toContain(token);
      secretValues.push(row!.headers.Authorization!);
      const explored = await explore('remote');
      expect(explored.body.isError).toBe(false);
      const wrong = await api.call({
        method: 'patch',
        path: '/api/admin/datasources/remote',
        body: { headers: { Authorization: 'Bearer not-the-token' } },
      });
      expect(wrong.status).toBe(200);
      const tested = await api.call({ method: 'post', path: '/api/admin/datasources/remote/test' });
      expect(tested.body.status).toBe('error');
      await api.call({ method: 'delete', path: '/api/admin/datasources/remote' });
    } finally {
      if (connector && !hasExited(connector)) await stopChildProcess({ child: connector, timeoutMs: 5000 });
    }
  });

  it('never put a secret in a response body or a log line', () => {
    // Passwords, tokens, the key and every ciphertext the table held.
    for (const secret of secretValues) {
      expect(api.bodies.filter((body) => body.includes(secret))).toEqual([]);
      expect(logs.filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(api.bodies.length).toBeGreaterThan(50);
    expect(logs.length).toBeGreaterThan(30);
  });
});
