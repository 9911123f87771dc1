/**
 * The e2e harness: `startE2eApp(options?)` starts the built API (serving the built web app) over sandbox
 * datasources, with the fake Anthropic API as a scripted model and Debian's Chromium. Every option is
 * optional; `startE2eApp()` keeps the original behaviour.
 *
 * Options:
 * - `sources`: which sandbox sources start, default `['shop', 'files']`; add `'store'` (fake Shopify) and
 *   `'jira'` (fake Jira) as needed.
 * - `allowWrites`: the MySQL datasource may write after approval (default true).
 * - `anthropicKey: false`: the API starts without `ANTHROPIC_API_KEY` (chat answers `missing_api_key`).
 * - `env`: extra environment for the API process, e.g. `{ HEALTH_CHECK_INTERVAL_MS: '1000' }`.
 * - `healthCheckIntervalMs`: shorthand for `HEALTH_CHECK_INTERVAL_MS`.
 * - `configure`: rewrites the datasources before they are written to the API's config file.
 * - `port`: the API's port, when something must know its URL first (an OpenID provider's redirect URI).
 *
 * Returned: `url`, `fake`, `browser`, `output()`, `stop()`, plus `sandbox` (the handle) and
 * `stopSource(id)`, which stops a source's service (MariaDB, s3rver, a fake API) mid-session while the API
 * and its connector keep running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import { startSandbox, type Sandbox, type SandboxDatasource, type SandboxSource } from '@connectormcp/sandbox';
import { findChromium, freePort, waitFor } from '@connectormcp/services';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface E2eAppOptions {
  /** Sandbox sources to start; default `['shop', 'files']`. */
  sources?: SandboxSource[];
  /** The MySQL datasource may write after approval; default true. */
  allowWrites?: boolean;
  /** false starts the API without `ANTHROPIC_API_KEY`; default true (the fake's key). */
  anthropicKey?: boolean;
  /** Extra environment for the API process. */
  env?: Record<string, string>;
  /** Sets `HEALTH_CHECK_INTERVAL_MS` for the API (short in tests that watch a source go down). */
  healthCheckIntervalMs?: number;
  /** Rewrites the datasources written to the API's config file (names, examples, extra entries). */
  configure?: (datasources: SandboxDatasource[]) => SandboxDatasource[];
  /** The API's port (from `freePort()`), when its URL must be known before it starts; free by default. */
  port?: number;
}

export interface E2eApp {
  url: string;
  fake: FakeAnthropic;
  browser: Browser;
  /** The sandbox handle: its datasources as configured, and its own stop. */
  sandbox: Sandbox;
  /** Stops one source's service mid-session (MariaDB for 'shop', s3rver for 'files', a fake API). */
  stopSource(id: SandboxSource): Promise<void>;
  /** The API process's output, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The real thing on loopback: the built API (serving the built web app) over the sandbox's MySQL and S3
 * datasources, the fake Anthropic API as the model, and Debian's Chromium driven by playwright-core.
 */
export async function startE2eApp({
  sources = ['shop', 'files'],
  allowWrites = true,
  anthropicKey = true,
  env = {},
  healthCheckIntervalMs,
  configure = (datasources) => datasources,
  port: chosenPort,
}: E2eAppOptions = {}): Promise<E2eApp> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const sandbox: Sandbox = await startSandbox({ root, sources, allowWrites });
    cleanups.push(() => sandbox.stop());
    if (sandbox.unavailable.length > 0) throw new Error(sandbox.unavailable.map((entry) => entry.reason).join('; '));
    const fake = await startFakeAnthropic();
    cleanups.push(() => fake.stop());
    const directory = await mkdtemp(join(tmpdir(), 'connectormcp-e2e-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const configFile = join(directory, 'connectormcp.config.json');
    await writeFile(configFile, JSON.stringify({ datasources: configure(sandbox.datasources) }));
    const port = chosenPort ?? (await freePort());
    let output = '';
    const api: ChildProcess = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        // Loopback also when API_KEYS is set (the API would otherwise listen on every interface).
        HOST: '127.0.0.1',
        DATA_DIR: join(directory, 'data'),
        CONNECTORMCP_CONFIG: configFile,
        ...(anthropicKey ? { ANTHROPIC_API_KEY: fake.apiKey } : {}),
        ANTHROPIC_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'warn',
        ...(healthCheckIntervalMs === undefined ? {} : { HEALTH_CHECK_INTERVAL_MS: String(healthCheckIntervalMs) }),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000)));
    api.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000)));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (api.exitCode !== null) return resolve();
          api.once('exit', () => resolve());
          api.kill('SIGTERM');
          setTimeout(() => api.kill('SIGKILL'), 5_000).unref();
        }),
    );
    const url = `http://127.0.0.1:${port}`;
    const exited = new Promise<never>((_resolve, reject) =>
      api.once('exit', (code) => reject(new Error(`the API exited (${code}): ${output}`))),
    );
    exited.catch(() => {});
    await Promise.race([
      exited,
      waitFor({
        probe: async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true,
        description: 'the API to become ready',
        // Opening the embedded database compiles WebAssembly: tens of seconds on a busy machine.
        timeoutMs: 90_000,
      }),
    ]);
    const browser = await chromium.launch({
      executablePath: findChromium(),
      // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    cleanups.push(() => browser.close());
    return {
      url,
      fake,
      browser,
      sandbox,
      stopSource: (id) => sandbox.stopSource(id),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
