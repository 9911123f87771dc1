// The sandbox app behind `npm start` (tools/scripts/start-sandbox.mjs builds, then runs this): the sandbox
// services with sample data, and the API on PORT (default 8000) serving the web chat with them as its
// datasources. Ctrl+C or SIGTERM stops everything within seconds and deletes every temporary file, also
// after a service died and when start-up fails half way.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { stopChildProcess, waitFor } from '@connectormcp/services';
import { sandboxBanner } from './sandbox-banner.js';
import { startSandbox, type Sandbox } from './start-sandbox.js';
import { stopAllWithin } from './stop-all-within.js';
import { writePrivateConfig } from './write-private-config.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const port = process.env.PORT ?? '8000';
const starting = new AbortController();
let sandbox: Sandbox | undefined;
let api: ChildProcess | undefined;
let removeConfig: (() => Promise<void>) | undefined;
let stopping = false;

async function start(): Promise<void> {
  sandbox = await startSandbox({ root, signal: starting.signal });
  const config = await writePrivateConfig({
    prefix: 'connectormcp-sandbox-',
    fileName: 'connectormcp.config.json',
    content: { datasources: sandbox.datasources },
  });
  removeConfig = config.remove;
  starting.signal.throwIfAborted();
  const started = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: port,
      CONNECTORMCP_CONFIG: config.file,
      DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Chats still running at Ctrl+C get a second to finish, so the sandbox stops within its budget.
      SHUTDOWN_GRACE_MS: process.env.SHUTDOWN_GRACE_MS ?? '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  api = started;
  started.once('exit', (code) => {
    if (stopping) return;
    console.error(
      `The API exited${code === null ? '' : ` with code ${code}`} (is port ${port} in use?); stopping the sandbox.`,
    );
    // The API does not end by itself while the sandbox runs (a port in use ends it with code 0, say).
    void shutdown(code || 1);
  });
  await waitFor({
    description: `the API on port ${port}`,
    timeoutMs: 60_000,
    probe: async () => {
      starting.signal.throwIfAborted();
      if (started.exitCode !== null) throw new Error('the API exited');
      return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true;
    },
  });
  console.log(sandboxBanner({ sandbox, port, hasAnthropicKey: Boolean(process.env.ANTHROPIC_API_KEY) }));
}

// Every part gets 2.5 s to stop cleanly and is killed after that, so a stop takes under 5 s. A stop during
// start-up first lets the step under way finish (startSandbox then removes what it had started).
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  starting.abort();
  await Promise.race([startup.catch(() => {}), delay(10_000)]);
  await stopAllWithin({
    stops: [
      async () => api && stopChildProcess({ child: api, timeoutMs: 2_500 }),
      async () => sandbox?.stop({ timeoutMs: 2_500 }),
    ],
    timeoutMs: 4_000,
  });
  await removeConfig?.().catch(() => {});
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
// A second Ctrl+C while stopping must not end us before the temporary files are gone.
process.on('SIGINT', () => {});
process.on('uncaughtException', (error) => {
  console.error(`The sandbox failed: ${error.message}`);
  void shutdown(1);
});

const startup = start();
startup.catch((error: unknown) => {
  if (stopping) return;
  console.error(`The sandbox could not start: ${(error as Error).message}`);
  void shutdown(1);
});
