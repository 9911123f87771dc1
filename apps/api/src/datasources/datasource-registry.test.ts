import type { ConnectorHub, DatasourceConfigInput } from '@connectormcp/orchestrator';
import { randomBytes } from 'node:crypto';
import type { RequestUser } from '../auth/request-user.js';
import { openDatabase, type Database } from '../database/open-database.js';
import { createDatasourceRegistry } from './datasource-registry.js';
import { createDatasourceStore, type DatasourceFields } from './datasource-store.js';
import { createSecretBox } from './secret-box.js';

const fields: DatasourceFields = {
  name: 'Finance',
  kind: null,
  command: 'node',
  args: ['finance.js'],
  url: null,
  settings: { REGION: 'eu' },
  systemPrompt: null,
  examples: null,
  enabled: true,
  callTimeoutMs: 60_000,
  access: { use: ['finance'], approve: null },
};

const member = (groups: string[]): RequestUser => ({
  id: 'u',
  name: 'U',
  email: null,
  role: 'member',
  groups,
  authMethod: 'api_key',
});

describe('createDatasourceRegistry', () => {
  let database: Database;
  let queries: string[];
  const applied: DatasourceConfigInput[][] = [];
  const hub = {
    setDatasources: async (datasources: DatasourceConfigInput[]) => {
      applied.push(datasources);
      return { added: [], changed: [], removed: [] };
    },
  } as unknown as ConnectorHub;
  const secretBox = createSecretBox({
    keys: { current: randomBytes(32).toString('hex'), previous: [] },
    allowGenerated: false,
  });

  beforeAll(async () => {
    const opened = await openDatabase({});
    queries = [];
    database = {
      query: (sql, params) => {
        queries.push(sql);
        return opened.query(sql, params);
      },
      close: () => opened.close(),
    };
  });
  afterAll(() => database.close());

  const registryWith = (mode: 'local' | 'oidc' = 'oidc') =>
    createDatasourceRegistry({
      database,
      hub,
      fileDatasources: [{ id: 'shop', name: 'Shop', command: 'node', access: { use: null, approve: null } }],
      secretBox,
      mode,
    });

  it('reloads only when the revision moved, and concurrent syncs share one read', async () => {
    const store = createDatasourceStore({ database, secretBox });
    await store.create({ id: 'finance', fields, secrets: { TOKEN: 't0ken' }, headers: {}, actorId: 'admin' });
    const registry = registryWith();
    queries.length = 0;
    applied.length = 0;
    await Promise.all([registry.sync(), registry.sync(), registry.sync()]);
    expect(queries.filter((sql) => sql.includes('datasource_revision'))).toHaveLength(1);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.map((config) => config.id)).toEqual(['shop', 'finance']);
    expect(applied[0]![1]).toMatchObject({ env: { REGION: 'eu', TOKEN: 't0ken' } });
    await registry.sync();
    expect(applied).toHaveLength(1);
    await store.update({ id: 'finance', fields: { ...fields, name: 'Money' }, actorId: 'admin' });
    await registry.sync();
    expect(applied).toHaveLength(2);
    expect(registry.find('finance')!.config).toMatchObject({ name: 'Money', env: { TOKEN: 't0ken' } });
  });

  it('offers a restricted datasource only to its groups and admins, and everything in local mode', async () => {
    const registry = registryWith();
    await registry.sync();
    const ids = (user: RequestUser) => registry.usable(user).map((entry) => entry.config.id);
    expect(ids(member(['sales']))).toEqual(['shop']);
    expect(ids(member(['finance']))).toEqual(['shop', 'finance']);
    expect(ids({ ...member([]), role: 'admin' })).toEqual(['shop', 'finance']);
    const local = registryWith('local');
    await local.sync();
    expect(local.usable(member([])).map((entry) => entry.config.id)).toEqual(['shop', 'finance']);
  });

  it('keeps a datasource whose secret no key decrypts out of the hub, saying why without the value', async () => {
    const other = createSecretBox({
      keys: { current: randomBytes(32).toString('hex'), previous: [] },
      allowGenerated: false,
    });
    await createDatasourceStore({ database, secretBox: other }).create({
      id: 'lost',
      fields: { ...fields, name: 'Lost', access: { use: null, approve: null } },
      secrets: { TOKEN: 'l0st-value' },
      headers: {},
      actorId: 'admin',
    });
    // An app datasource may not take the id of a file datasource: the file's wins.
    await createDatasourceStore({ database, secretBox }).create({
      id: 'shop',
      fields,
      secrets: {},
      headers: {},
      actorId: 'admin',
    });
    const registry = registryWith();
    applied.length = 0;
    await registry.sync();
    expect(applied[0]!.map((config) => config.id)).toEqual(['shop', 'finance']);
    expect(registry.list().map((entry) => `${entry.source}:${entry.config.id}`)).toEqual([
      'file:shop',
      'app:lost',
      'app:finance',
    ]);
    expect(registry.find('lost')!.problem).toMatch(/encrypted with key [0-9a-f]{8}/);
    expect(registry.find('lost')!.problem).not.toContain('l0st');
    expect(registry.usable({ ...member([]), role: 'admin' }).map((entry) => entry.config.id)).not.toContain('lost');
  });
});
