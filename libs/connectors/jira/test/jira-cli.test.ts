import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeJira, type FakeJira } from '@connectormcp/fake-jira';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
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
