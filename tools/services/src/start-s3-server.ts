import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stopChildProcess } from './stop-child-process.js';

export interface S3Server {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  region: string;
  /** s3rver accepts these fixed credentials. */
  accessKeyId: string;
  secretAccessKey: string;
  directory: string;
  /**
   * Environment for a connector or SDK client talking to this server. The checksum settings keep the
   * SDK from sending aws-chunked uploads, which s3rver would store with their framing.
   */
  environment: Record<string, string>;
  /**
   * Stops the server and deletes its objects, also after the server died. `timeoutMs` (default 10 s) is
   * how long it may take to close before it is killed.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** Starts s3rver on a free loopback port with its objects in a temp directory. */
export async function startS3Server({
  port = 0,
  buckets = [],
}: { port?: number; buckets?: string[] } = {}): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'connectormcp-s3-'));
  // Resolved through dist/ so that this works from the sources (tests) and from the build alike.
  const script = fileURLToPath(new URL('../dist/s3rver-process.js', import.meta.url));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script], {
    env: {
      PATH: process.env.PATH ?? '',
      S3RVER_PORT: String(port),
      S3RVER_DIRECTORY: directory,
      S3RVER_BUCKETS: buckets.join(','),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const removeAll = async ({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) => {
    await stopChildProcess({ child, timeoutMs });
    process.removeListener('exit', killOnExit);
    await rm(directory, { recursive: true, force: true });
  };
  let ready: { port: number };
  try {
    ready = await new Promise<{ port: number }>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve(JSON.parse(line) as { port: number }));
      child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code} before it was ready`)));
      child.once('error', reject);
    });
  } catch (error) {
    await removeAll({ timeoutMs: 2_000 });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${ready.port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    endpoint,
    port: ready.port,
    region: 'us-east-1',
    ...credentials,
    directory,
    environment: {
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      S3_ENDPOINT_URL: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    },
    stop: removeAll,
  };
}
