import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeJira, type FakeJira } from '@connectormcp/fake-jira';
import {
  measureShutdown,
  spawnStdioClient,
  stackTraceLine,
  startUnreachableEndpoints,
  type UnreachableEndpoints,
} from '@connectormcp/connector-kit/testing';
import { installPackedPackages, type InstalledPackages } from '@connectormcp/services';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe('connectormcp-jira as a process', () => {
  let fake: FakeJira;
  let environment: Record<string, string>;
  let installed: InstalledPackages;
  beforeAll(async () => {
    fake = await startFakeJira();
    environment = { JIRA_BASE_URL: fake.baseUrl, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken };
    installed = await installPackedPackages({
      packageDirectories: [
        fileURLToPath(new URL('../../../connector-kit', import.meta.url)),
        fileURLToPath(new URL('..', import.meta.url)),
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await installed?.remove();
    await fake.stop();
  });

  it('serves search over stdio with a real MCP client', async () => {
    const connection = await spawnStdioClient({ args: [bin], env: { ...environment, LOG_LEVEL: 'debug' } });
    try {
      const result = await connection.client.callTool({
        name: 'search_issues',
        arguments: { jql: 'project = OPS AND priority in (Highest, High) ORDER BY key ASC' },
      });
      expect(
        (result.structuredContent as { issues: Array<{ key: string; priority: string }> }).issues.every((issue) =>
          ['Highest', 'High'].includes(issue.priority),
        ),
      ).toBe(true);
    } finally {
      await connection.close();
    }
    expect(connection.stderr()).not.toContain(fake.apiToken);
  });

  it('--check reports the site and account, and fails clearly on a wrong token', async () => {
    const { stdout } = await run(process.execPath, [bin, '--check'], {
      env: { PATH: process.env.PATH, ...environment },
    });
    expect(stdout).toMatch(
      /^ok: connected to Jira Cloud at http:\/\/127\.0\.0\.1:\d+ as Ada Lovelace \(read-only\)\n$/,
    );
    const failed = await run(process.execPath, [bin, '--check'], {
      env: { PATH: process.env.PATH, ...environment, JIRA_API_TOKEN: 'bad-token-987654' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 1,
      stderr:
        'connectormcp-jira: error: ACCESS_DENIED: Jira rejected the credentials: check JIRA_EMAIL and JIRA_API_TOKEN.\n',
    });
  });

  it('installs from npm pack into an empty folder and `npx connectormcp-jira --check` works there', async () => {
    const result = await installed.npx({ bin: 'connectormcp-jira', args: ['--check'], env: environment });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: connected to Jira Cloud/);
  });
});

describe('connectormcp-jira configuration errors and shutdown', () => {
  const token = 'atlassian-token-0123456789';
  const credentials = { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: token };
  let endpoints: UnreachableEndpoints;
  beforeAll(async () => {
    endpoints = await startUnreachableEndpoints();
  });
  afterAll(async () => {
    await endpoints.close();
  });

  const check = (env: Record<string, string>) =>
    run(process.execPath, [bin, '--check'], { env: { PATH: process.env.PATH, ...env } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it.each([
    [
      'acme.atlassian.net',
      'JIRA_BASE_URL: has no scheme: it must start with https:// or http://, e.g. https://your-company.atlassian.net',
    ],
    ['https://jira.example.com:123456', 'JIRA_BASE_URL: the port 123456 is out of range: expected 1 to 65535'],
    [
      'https://acme.atlassian.net/browse/OPS-1',
      "JIRA_BASE_URL: expected the site's address alone, such as https://acme.atlassian.net, not a page's link",
    ],
    [
      `https://me:${token}@acme.atlassian.net`,
      'JIRA_BASE_URL: must not contain a user name or password: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)',
    ],
  ])('--check with JIRA_BASE_URL=%s exits 1 with one line naming the problem', async (url, problem) => {
    const result = await check({ ...credentials, JIRA_BASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^connectormcp-jira: error: INVALID_CONFIG: Invalid configuration: [^\n]+\n$/);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toContain(token);
    expect(result.stderr).not.toMatch(stackTraceLine);
  });

  const stops = ['end-of-input', 'SIGTERM'] as const;
  describe.each([
    ['refusing connections', () => endpoints.refusedPort],
    ['accepting connections and never answering', () => endpoints.silentPort],
  ] as const)('with the site %s', (_, port) => {
    it.each(stops)('on %s with requests in flight: exit 0 in under 1000 ms, no stack trace', async (stop) => {
      const report = await measureShutdown({
        args: [bin],
        env: { ...credentials, JIRA_BASE_URL: `http://127.0.0.1:${port()}` },
        calls: [{ name: 'list_projects' }, { name: 'search_issues', arguments: { jql: 'project = OPS' } }],
        stop,
      });
      expect(report).toMatchObject({ code: 0, signal: null });
      expect(report.milliseconds).toBeLessThan(1000);
      expect(report.stderr).not.toMatch(stackTraceLine);
      expect(report.stderr).not.toContain(token);
    });
  });
});
