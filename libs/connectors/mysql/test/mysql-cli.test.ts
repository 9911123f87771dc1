import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  measureShutdown,
  spawnStdioClient,
  stackTraceLine,
  startUnreachableEndpoints,
  type UnreachableEndpoints,
} from '@connectormcp/connector-kit/testing';
import { testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const password = 'pa55-w0rd-secret';

function check({ env }: { env: Record<string, string> }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--check'], { env: { PATH: process.env.PATH, ...env } }, (error, _, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stderr }),
    );
  });
}

describe('connectormcp-mysql configuration errors', () => {
  it.each([
    [
      `mysql://reader:${password}#1@db:3306/shop`,
      'MYSQL_URL: the password contains "#", which must be percent-encoded in a URL: write it as %23',
    ],
    [`mysql://reader:${password}/1@db:3306/shop`, 'MYSQL_URL: the password contains "/"'],
    [`mysql://reader:${password}@db:99999/shop`, 'MYSQL_URL: the port 99999 is out of range: expected 1 to 65535'],
    [`mysql://reader:${password}@db:33o6/shop`, 'MYSQL_URL: the port "33o6" is not a number: expected 1 to 65535'],
    [
      `mysqls://reader:${password}@db/shop`,
      'MYSQL_URL: the scheme mysqls:// is not supported: use mysql:// or mariadb:// (for TLS, set MYSQL_SSL_CA)',
    ],
    [
      `reader:${password}@db:3306/shop`,
      'MYSQL_URL: has no scheme: it must start with mysql:// or mariadb://, e.g. mysql://db.example.com:3306/shop',
    ],
    [`mysql://reader:${password}@db/shop?ssl=true`, 'MYSQL_URL: options after "?" are not read'],
  ])('--check with MYSQL_URL=%s exits 1 with one line naming the problem', async (url, problem) => {
    const result = await check({ env: { MYSQL_URL: url } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^connectormcp-mysql: error: INVALID_CONFIG: Invalid configuration: [^\n]+\n$/);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toContain(password);
    expect(result.stderr).not.toMatch(stackTraceLine);
  });

  it('--check names a port in MYSQL_HOST and a port out of range in MYSQL_PORT', async () => {
    const result = await check({
      env: { MYSQL_HOST: 'db:3307', MYSQL_PORT: '70000', MYSQL_USER: 'reader', MYSQL_PASSWORD: password },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MYSQL_HOST: expected a host name without a port (set the port in MYSQL_PORT)');
    expect(result.stderr).toContain('MYSQL_PORT: 70000 is out of range: expected a whole number from 1 to 65535');
    expect(result.stderr).not.toContain(password);
  });

  it('serves with an invalid MYSQL_URL: the log and every call name the problem, without the password', async () => {
    const connection = await spawnStdioClient({
      args: [bin],
      env: { MYSQL_URL: `mysql://reader:${password}#1@db:3306/shop` },
    });
    try {
      const result = await connection.client.callTool({ name: 'list_databases', arguments: {} });
      expect(result.isError).toBe(true);
      const text = (result.content as Array<{ text: string }>)[0]!.text;
      expect(text).toContain('INVALID_CONFIG');
      expect(text).toContain('MYSQL_URL: the password contains "#"');
      expect(connection.stderr()).toContain('MYSQL_URL: the password contains \\"#\\"');
      expect(`${text}${connection.stderr()}`).not.toContain(password);
    } finally {
      await connection.close();
    }
  });
});

describe('connectormcp-mysql stops within a second, whatever the state of the server', () => {
  let endpoints: UnreachableEndpoints;
  beforeAll(async () => {
    endpoints = await startUnreachableEndpoints();
  });
  afterAll(async () => {
    await endpoints.close();
  });

  const cases = [
    ['refusing connections', () => endpoints.refusedPort],
    ['accepting connections and never answering', () => endpoints.silentPort],
  ] as const;
  const stops = ['end-of-input', 'SIGTERM'] as const;

  describe.each(cases)('with the server %s', (_, port) => {
    it.each(stops)('on %s: exit 0 in under 1000 ms, no stack trace, no password', async (stop) => {
      const report = await measureShutdown({
        args: [bin],
        env: { MYSQL_URL: `mysql://reader:${password}@127.0.0.1:${port()}/shop` },
        calls: [
          { name: 'execute_query', arguments: { sql: 'SELECT 1' } },
          { name: 'list_databases', arguments: {} },
        ],
        stop,
      });
      expect(report).toMatchObject({ code: 0, signal: null });
      expect(report.milliseconds).toBeLessThan(1000);
      expect(report.stderr).not.toMatch(stackTraceLine);
      expect(report.stderr).not.toContain(password);
    });
  });

  it.each(stops)('on %s while a query runs on the server: exit 0 in under 1000 ms', async (stop) => {
    const report = await measureShutdown({
      args: [bin],
      env: testEnvironment({ MYSQL_QUERY_TIMEOUT_MS: '60000' }),
      calls: [{ name: 'execute_query', arguments: { sql: 'SELECT SLEEP(30) AS slept' } }],
      stop,
      inFlightMs: 1000,
    });
    expect(report).toMatchObject({ code: 0, signal: null });
    expect(report.milliseconds).toBeLessThan(1000);
    expect(report.stderr).not.toMatch(stackTraceLine);
    expect(report.stderr).not.toContain(process.env.TEST_MYSQL_PASSWORD!);
  });
});
