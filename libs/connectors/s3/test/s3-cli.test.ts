import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { installPackedPackages, type InstalledPackages } from '@connectormcp/services';
import { testEnvironment } from './support/test-store.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

async function cli({ args, env }: { args: string[]; env: Record<string, string> }) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('connectormcp-s3 command line', () => {
  it('--check reaches the store', async () => {
    const result = await cli({ args: ['--check'], env: testEnvironment() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ok: reached http:\/\/127\.0\.0\.1:\d+; \d+ bucket\(s\) visible \(read-only\)\n$/);
  });

  it('--check fails promptly on an unreachable endpoint, without printing credentials', async () => {
    const started = Date.now();
    const result = await cli({ args: ['--check'], env: testEnvironment({ S3_ENDPOINT_URL: 'http://127.0.0.1:1' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^connectormcp-s3: error: UPSTREAM_UNAVAILABLE: The S3 endpoint could not be reached/,
    );
    expect(result.stderr).not.toContain(testEnvironment().AWS_SECRET_ACCESS_KEY);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('--check names missing credentials', async () => {
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...withoutCredentials } = testEnvironment();
    const result = await cli({ args: ['--check'], env: { ...withoutCredentials, AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ACCESS_DENIED: No AWS credentials were found');
  });

  it('keeps the secret key out of tool errors and logs', async () => {
    const secret = 'wrong-secret-key-0123456789';
    const connection = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({ AWS_SECRET_ACCESS_KEY: secret, LOG_LEVEL: 'debug' }),
    });
    try {
      // s3rver accepts any signature, so this call succeeds; unreachable-endpoint errors are covered above.
      const result = await connection.client.callTool({
        name: 'read_object',
        arguments: { bucket: 'sample-data', key: 'missing' },
      });
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result)).not.toContain(secret);
    } finally {
      await connection.close();
    }
    expect(connection.stderr()).not.toContain(secret);
  });
});

describe('the published package', () => {
  let installed: InstalledPackages;
  beforeAll(async () => {
    installed = await installPackedPackages({
      packageDirectories: [
        fileURLToPath(new URL('../../../connector-kit', import.meta.url)),
        fileURLToPath(new URL('..', import.meta.url)),
      ],
    });
  }, 180_000);
  afterAll(() => installed?.remove());

  it('installs into an empty folder and `npx connectormcp-s3 --check` works there', async () => {
    const result = await installed.npx({ bin: 'connectormcp-s3', args: ['--check'], env: testEnvironment() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: reached/);
  });
});
