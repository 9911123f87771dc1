import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiConfigFromEnvironment } from '../api-config.js';

describe('the config file and secret keys', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'config-access-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('reads who may use and approve a file datasource, open to all when absent', async () => {
    const file = join(directory, 'connectormcp.config.json');
    await writeFile(
      file,
      JSON.stringify({
        datasources: [
          { id: 'finance', name: 'Finance', command: 'node', access: { use: ['finance'], approve: ['leads'] } },
          { id: 'open', name: 'Open', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer x' } },
        ],
      }),
    );
    const config = apiConfigFromEnvironment({ environment: { CONNECTORMCP_CONFIG: file } });
    expect(config.datasources.map((datasource) => [datasource.id, datasource.access])).toEqual([
      ['finance', { use: ['finance'], approve: ['leads'] }],
      ['open', undefined],
    ]);
    await writeFile(
      file,
      JSON.stringify({ datasources: [{ id: 'x', name: 'X', command: 'node', access: { use: 'all' } }] }),
    );
    expect(() => apiConfigFromEnvironment({ environment: { CONNECTORMCP_CONFIG: file } })).toThrow(/access\.use/);
  });

  it('stops on a malformed secret key, naming the variable and not the value', () => {
    const good = randomBytes(32).toString('base64');
    expect(
      apiConfigFromEnvironment({
        environment: {
          CONNECTORMCP_SECRET_KEY: good,
          CONNECTORMCP_PREVIOUS_SECRET_KEYS: randomBytes(32).toString('hex'),
        },
      }).secretKeys.current,
    ).toBe(good);
    expect(() => apiConfigFromEnvironment({ environment: { CONNECTORMCP_SECRET_KEY: 'hunter2-not-a-key' } })).toThrow(
      /^CONNECTORMCP_SECRET_KEY: expected 32 random bytes as base64 or hex/,
    );
    expect(() =>
      apiConfigFromEnvironment({ environment: { CONNECTORMCP_SECRET_KEY: 'hunter2-not-a-key' } }),
    ).not.toThrow(/hunter2/);
    expect(() =>
      apiConfigFromEnvironment({ environment: { CONNECTORMCP_PREVIOUS_SECRET_KEYS: `${good},nope` } }),
    ).toThrow(/^CONNECTORMCP_PREVIOUS_SECRET_KEYS/);
  });
});
