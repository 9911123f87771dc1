import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  measureShutdown,
  spawnStdioClient,
  stackTraceLine,
  startUnreachableEndpoints,
  type UnreachableEndpoints,
} from '@connectormcp/connector-kit/testing';
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

describe('connectormcp-s3 configuration errors and shutdown', () => {
  const secretKey = 'wJalrXUtnFEMI-secret-key';
  const credentials = {
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE0123',
    AWS_SECRET_ACCESS_KEY: secretKey,
    AWS_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  let endpoints: UnreachableEndpoints;
  beforeAll(async () => {
    endpoints = await startUnreachableEndpoints();
  });
  afterAll(async () => {
    await endpoints.close();
  });

  it.each([
    [
      'localhost:9000',
      'S3_ENDPOINT_URL: has no scheme: it must start with http:// or https://, e.g. http://localhost:9000',
    ],
    ['http://localhost:90000', 'S3_ENDPOINT_URL: the port 90000 is out of range: expected 1 to 65535'],
    [
      `http://AKIAEXAMPLE0123:${secretKey}@localhost:9000`,
      'S3_ENDPOINT_URL: must not contain a user name or password: the access key goes in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    ],
  ])('--check with S3_ENDPOINT_URL=%s exits 1 with one line naming the problem', async (endpoint, problem) => {
    const result = await cli({ args: ['--check'], env: { ...credentials, S3_ENDPOINT_URL: endpoint } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^connectormcp-s3: error: INVALID_CONFIG: Invalid configuration: [^\n]+\n$/);
    expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toContain(secretKey);
    expect(result.stderr).not.toMatch(stackTraceLine);
  });

  it('--check names a bucket entry that is not a bucket name', async () => {
    const result = await cli({ args: ['--check'], env: { ...credentials, S3_BUCKETS: 'logs,s3://reports' } });
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toContain('S3_BUCKETS: "s3://reports" is not a bucket name');
  });

  const stops = ['end-of-input', 'SIGTERM'] as const;
  describe.each([
    ['refusing connections', () => endpoints.refusedPort],
    ['accepting connections and never answering', () => endpoints.silentPort],
  ] as const)('with the endpoint %s', (_, port) => {
    it.each(stops)('on %s with requests in flight: exit 0 in under 1000 ms, no stack trace', async (stop) => {
      const report = await measureShutdown({
        args: [bin],
        env: { ...credentials, HOME: '/nonexistent', S3_ENDPOINT_URL: `http://127.0.0.1:${port()}` },
        calls: [{ name: 'list_buckets' }, { name: 'list_objects', arguments: { bucket: 'sample-data' } }],
        stop,
      });
      expect(report).toMatchObject({ code: 0, signal: null });
      expect(report.milliseconds).toBeLessThan(1000);
      expect(report.stderr).not.toMatch(stackTraceLine);
      expect(report.stderr).not.toContain(secretKey);
    });
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
