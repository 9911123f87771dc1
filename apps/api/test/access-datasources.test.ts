import { fileURLToPath } from 'node:url';
import { createSessionRequestSchema } from '../src/contracts/index.js';
import { createMember, datasourceTestApp, newSecretKey } from './datasource-test-app.js';
import { startApiTestBed, type ApiTestBed } from './start-api-test-bed.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

describe('who may use a datasource: a restricted one is invisible to everyone else', () => {
  let bed: ApiTestBed;
  let api: ReturnType<typeof datasourceTestApp>;
  let salesKey: string;
  let financeKey: string;

  beforeAll(async () => {
    bed = await startApiTestBed();
    // The config file restricts `offline`; an admin restricts `finance`, made in the app.
    api = datasourceTestApp({
      bed,
      overrides: {
        secretKeys: { current: newSecretKey(), previous: [] },
        fileDatasources: bed.hub
          .datasources()
          .map((datasource) =>
            datasource.id === 'offline' ? { ...datasource, access: { use: ['ops'], approve: null } } : datasource,
          ),
      },
    });
    salesKey = await createMember({ database: bed.database, id: 'u_sam', name: 'Sam Sales', groups: ['sales'] });
    financeKey = await createMember({
      database: bed.database,
      id: 'u_fin',
      name: 'Fin Finance',
      groups: ['finance', 'sales'],
    });
    const created = await api.call({
      method: 'post',
      path: '/api/admin/datasources',
      body: {
        id: 'finance',
        name: 'Finance',
        kind: 'mysql',
        transport: 'stdio',
        command: process.execPath,
        args: [mysqlBin],
        secrets: { MYSQL_URL: `${bed.mariadb.url}/shop` },
        access: { use: ['finance'], approve: ['finance'] },
      },
    });
    expect(created.status).toBe(201);
  }, 180_000);
  afterAll(() => bed?.stop());

  const listed = async (key: string) =>
    (await api.call({ method: 'get', path: '/api/datasources', key })).body.datasources.map(
      (datasource: { id: string }) => datasource.id,
    );

  it('lists only the datasources each user may use (admins all)', async () => {
    expect(await listed(salesKey)).toEqual(['shop']);
    expect(await listed(financeKey)).toEqual(['shop', 'finance']);
    expect(await listed('alice-key-0123456789')).toEqual(['shop', 'offline', 'finance']);
  });

  it('answers the explorer and the connection test exactly as for an unknown id', async () => {
    const explore = (id: string, key: string) =>
      api.call({
        method: 'post',
        path: `/api/datasources/${id}/tools/execute_query`,
        body: { arguments: { sql: 'SELECT 1 AS one' } },
        key,
      });
    const hidden = await explore('finance', salesKey);
    const unknown = await explore('nope', salesKey);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe(unknown.body.error.code);
    expect(hidden.body.error.message).toBe('No datasource finance.');
    expect((await explore('offline', salesKey)).status).toBe(404);
    expect((await explore('finance', financeKey)).body.isError).toBe(false);
    const test = await api.call({ method: 'get', path: '/api/datasources/finance/test', key: salesKey });
    expect(test.status).toBe(404);
  });

  it('refuses the datasource in a session, a tool call and a chat like an unknown one', async () => {
    const refusedLikeUnknown = async (
      send: (id: string) => Promise<{ status: number; body: { error?: { code: string } } }>,
    ) => {
      const hidden = await send('finance');
      const unknown = await send('nope');
      expect([hidden.status, hidden.body.error?.code]).toEqual([unknown.status, unknown.body.error?.code]);
      expect(hidden.status).toBeGreaterThanOrEqual(400);
    };
    const session = createSessionRequestSchema.parse({ title: 'Sam' });
    await refusedLikeUnknown((id) =>
      api.call({ method: 'post', path: '/api/chat/sessions', body: { ...session, datasources: [id] }, key: salesKey }),
    );
    const own = await api.call({ method: 'post', path: '/api/chat/sessions', body: { title: 'Sam' }, key: salesKey });
    expect(own.status).toBe(201);
    await refusedLikeUnknown((id) =>
      api.call({
        method: 'patch',
        path: `/api/chat/sessions/${own.body.id}`,
        body: { datasources: [id] },
        key: salesKey,
      }),
    );
    await refusedLikeUnknown((id) =>
      api.call({
        method: 'post',
        path: `/api/chat/sessions/${own.body.id}/tool-calls`,
        body: { datasource: id, tool: 'execute_query', arguments: { sql: 'SELECT 1' } },
        key: salesKey,
      }),
    );
    const before = bed.fake.requests.length;
    await refusedLikeUnknown((id) =>
      api.call({
        method: 'post',
        path: '/api/chat/message',
        body: { message: 'Salaries?', datasources: [id] },
        key: salesKey,
      }),
    );
    // Refused before any model call.
    expect(bed.fake.requests.length).toBe(before);
  });

  it('never offers the model the tools of a datasource the user may not use', async () => {
    bed.fake.script({ content: [{ type: 'text', text: 'Shop only.' }] });
    const chat = await api.call({
      method: 'post',
      path: '/api/chat/message',
      body: { message: 'What can you see?', datasources: ['shop'] },
      key: salesKey,
    });
    expect(chat.status).toBe(200);
    const tools = bed.fake.requests.at(-1)!.tools!.map((tool) => tool.name);
    expect(tools.some((name) => name.startsWith('shop__'))).toBe(true);
    expect(tools.filter((name) => !name.startsWith('shop__'))).toEqual([]);

    bed.fake.script({ content: [{ type: 'text', text: 'Both.' }] });
    await api.call({
      method: 'post',
      path: '/api/chat/message',
      body: { message: 'And you?', datasources: ['shop', 'finance'] },
      key: financeKey,
    });
    expect(bed.fake.requests.at(-1)!.tools!.some((tool) => tool.name.startsWith('finance__'))).toBe(true);
  });

  it('follows a change of the groups on the next call', async () => {
    await api.call({
      method: 'patch',
      path: '/api/admin/datasources/finance',
      body: { access: { use: ['sales'], approve: null } },
    });
    expect(await listed(salesKey)).toEqual(['shop', 'finance']);
    await api.call({
      method: 'patch',
      path: '/api/admin/datasources/finance',
      body: { access: { use: [], approve: null } },
    });
    expect(await listed(financeKey)).toEqual(['shop']);
  });
});
