import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChildProcess, waitFor } from '@connectormcp/services';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface ApiProcess {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (the drain), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts the built API (`dist/main.js`) as its own process, as in production: an environment of its own
 * (only PATH and `environment`), stdout and stderr captured, ready once `/readyz` answers 200.
 */
export async function startApiProcess({
  port,
  environment,
}: {
  port: number;
  environment: Record<string, string>;
}): Promise<ApiProcess> {
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, PORT: String(port), LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => stopChildProcess({ child, timeoutMs: 10_000 });
  try {
    await Promise.race([
      waitFor({
        probe: async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.ok === true,
        description: `the API on port ${port} to become ready`,
        timeoutMs: 90_000,
      }),
      exited.then((code) => {
        throw new Error(`the API exited with ${code}: ${output}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, port, output: () => output, stop };
}
