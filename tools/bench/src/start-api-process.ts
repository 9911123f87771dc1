import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, stopChildProcess, waitFor } from '@connectormcp/services';

const apiMain = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
/** pino's numeric level of `error`: such lines are counted and the first ones shown. */
const errorLevel = 50;
const shownErrorLines = 5;

export interface ApiProcess {
  url: string;
  pid: number;
  /** Log lines at level error or above so far (pino JSON on stdout). */
  errorLines(): number;
  /** SIGTERM (drain), then SIGKILL after `timeoutMs`. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Runs the built API (`apps/api/dist/main.js`) as its own process on a free loopback port and waits for
 * `/readyz`. Its error log lines are counted and the first few printed to stderr with `label`, so a benchmark
 * that goes wrong says why without drowning the table in logs.
 */
export async function startApiProcess({
  label,
  environment,
}: {
  label: string;
  environment: Record<string, string>;
}): Promise<ApiProcess> {
  if (!existsSync(apiMain))
    throw new Error(`${apiMain} is missing: build the API first (npx nx run @connectormcp/api:build)`);
  const port = await freePort();
  const child = spawn(process.execPath, [apiMain], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // To profile the API under this load: API_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/profiles".
      ...(process.env.API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.API_NODE_OPTIONS } : {}),
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let errors = 0;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let level = 0;
    try {
      level = (JSON.parse(line) as { level?: number }).level ?? 0;
    } catch {
      // Not a log line (a stray print): shown as it is.
      process.stderr.write(`[${label}] ${line}\n`);
      return;
    }
    if (level < errorLevel) return;
    errors += 1;
    if (errors <= shownErrorLines) process.stderr.write(`[${label}] ${line.slice(0, 2000)}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor({
      probe: async () => {
        if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
        return (await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true;
      },
      description: `${label} to become ready`,
      timeoutMs: 60_000,
    });
  } catch (error) {
    await stopChildProcess({ child, timeoutMs: 5000 });
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    errorLines: () => errors,
    stop: ({ timeoutMs = 15_000 } = {}) => stopChildProcess({ child, timeoutMs }),
  };
}
