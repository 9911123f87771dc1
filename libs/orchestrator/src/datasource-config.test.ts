import { datasourceConfigSchema, datasourceTransport } from './datasource-config.js';

const base = { id: 'shop', name: 'Shop' };

describe('datasourceConfigSchema', () => {
  it('takes a command (stdio) with the defaults it always had', () => {
    const config = datasourceConfigSchema.parse({ ...base, command: 'npx' });
    expect(config).toEqual({
      ...base,
      command: 'npx',
      args: [],
      env: {},
      headers: {},
      enabled: true,
      callTimeoutMs: 60_000,
    });
    expect(datasourceTransport(config)).toBe('stdio');
  });

  it('takes a url (Streamable HTTP) with headers', () => {
    const config = datasourceConfigSchema.parse({
      ...base,
      url: 'https://mcp.internal/mcp',
      headers: { Authorization: 'Bearer abc' },
    });
    expect(config.url).toBe('https://mcp.internal/mcp');
    expect(config.headers).toEqual({ Authorization: 'Bearer abc' });
    expect(datasourceTransport(config)).toBe('http');
  });

  it('refuses both a command and a url, and neither, in words', () => {
    const both = datasourceConfigSchema.safeParse({ ...base, command: 'npx', url: 'https://mcp.internal/mcp' });
    expect(both.error?.issues).toEqual([
      expect.objectContaining({ path: ['url'], message: expect.stringMatching(/either `command`.*not both/) }),
    ]);
    const neither = datasourceConfigSchema.safeParse(base);
    expect(neither.error?.issues).toEqual([
      expect.objectContaining({ path: ['command'], message: expect.stringMatching(/give `command`.*or `url`/) }),
    ]);
  });

  it('refuses a url that is not http or https, and headers on a command', () => {
    for (const url of ['ftp://mcp.internal/mcp', 'javascript:alert(1)', 'mcp.internal/mcp']) {
      expect(datasourceConfigSchema.safeParse({ ...base, url }).error?.issues[0]).toEqual(
        expect.objectContaining({ path: ['url'], message: expect.stringMatching(/http:\/\/ or https:\/\//) }),
      );
    }
    expect(
      datasourceConfigSchema.safeParse({ ...base, command: 'npx', headers: { Authorization: 'x' } }).error?.issues[0]
        ?.path,
    ).toEqual(['headers']);
  });

  it('can be extended by an app and keeps its rule', () => {
    const extended = datasourceConfigSchema.extend({ access: datasourceConfigSchema.shape.args.optional() });
    expect(extended.safeParse({ ...base, command: 'npx', access: ['x'] }).success).toBe(true);
    expect(extended.safeParse({ ...base, access: ['x'] }).success).toBe(false);
  });
});
