import { parseDatasourceConfigs } from './parse-datasource-configs.js';

describe('parseDatasourceConfigs', () => {
  it('names the invalid datasource and the field, never a value', () => {
    expect(() =>
      parseDatasourceConfigs({
        datasources: [
          { id: 'a', name: 'A', command: 'npx' },
          { id: 'b', name: 'B', url: 'ftp://secret-host/mcp', headers: { Authorization: 'Bearer s3cr3t-t0ken' } },
        ],
      }),
    ).toThrow(/^Datasource 2 \(b\) is invalid: url: an http:\/\/ or https:\/\/ URL/);
    try {
      parseDatasourceConfigs({ datasources: [{ id: 'b', name: 'B', url: 'ftp://secret-host/mcp' }] });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-host');
    }
  });

  it('refuses an id used twice', () => {
    expect(() =>
      parseDatasourceConfigs({
        datasources: [
          { id: 'a', name: 'A', command: 'npx' },
          { id: 'a', name: 'A again', url: 'http://127.0.0.1:1/mcp' },
        ],
      }),
    ).toThrow('Datasource id a is used twice');
  });
});
