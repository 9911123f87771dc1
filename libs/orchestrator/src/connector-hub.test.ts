import { createConnectorHub } from './connector-hub.js';

// Connectors start on first use only: none of these commands ever runs.
const stdio = { id: 'local', name: 'Local', command: 'connector-that-never-starts', env: { TOKEN: 'one' } };
const remote = { id: 'remote', name: 'Remote', url: 'http://127.0.0.1:1/mcp', headers: { Authorization: 'Bearer a' } };

describe('ConnectorHub.setDatasources', () => {
  it('says what was added, changed and removed, and shows the new set at once', async () => {
    const hub = createConnectorHub({ datasources: [stdio, remote] });
    try {
      const pending = hub.setDatasources([
        { ...stdio },
        { ...remote, headers: { Authorization: 'Bearer b' } },
        { id: 'new', name: 'New', command: 'another' },
      ]);
      expect(hub.datasources().map((config) => config.id)).toEqual(['local', 'remote', 'new']);
      await expect(pending).resolves.toEqual({ added: ['new'], changed: ['remote'], removed: [] });
      expect(hub.datasources()[1]!.headers).toEqual({ Authorization: 'Bearer b' });
      await expect(hub.setDatasources([stdio])).resolves.toEqual({
        added: [],
        changed: [],
        removed: ['remote', 'new'],
      });
      expect(() => hub.status('remote')).toThrow(/Unknown or disabled datasource: remote/);
      expect(hub.status('local').state).toBe('idle');
    } finally {
      await hub.close();
    }
  });

  it('changes nothing when one datasource is invalid or an id repeats', async () => {
    const hub = createConnectorHub({ datasources: [stdio] });
    try {
      await expect(hub.setDatasources([remote, { id: 'bad', name: 'Bad' }])).rejects.toThrow(
        /Datasource 2 \(bad\) is invalid: command: give `command`/,
      );
      await expect(hub.setDatasources([remote, { ...remote, name: 'Again' }])).rejects.toThrow(
        'Datasource id remote is used twice',
      );
      expect(hub.datasources().map((config) => config.id)).toEqual(['local']);
    } finally {
      await hub.close();
    }
  });

  it('applies concurrent calls in order, the last one staying', async () => {
    const hub = createConnectorHub({ datasources: [stdio] });
    try {
      const results = await Promise.all([
        hub.setDatasources([stdio, remote]),
        hub.setDatasources([{ ...stdio, env: { TOKEN: 'two' } }]),
      ]);
      expect(results).toEqual([
        { added: ['remote'], changed: [], removed: [] },
        { added: [], changed: ['local'], removed: ['remote'] },
      ]);
      expect(hub.datasources()).toEqual([expect.objectContaining({ id: 'local', env: { TOKEN: 'two' } })]);
    } finally {
      await hub.close();
    }
  });
});
