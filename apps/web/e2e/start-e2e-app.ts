import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import { startSandbox, type Sandbox } from '@connectormcp/sandbox';
import { findChromium, freePort, waitFor } from '@connectormcp/services';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface E2eApp {
  url: string;
  fake: FakeAnthropic;
  browser: Browser;
  /** The API process's output, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The real thing on loopback: the built API (serving the built web app) over the sandbox's MySQL and S3
 * datasources, the fake Anthropic API as the model, and Debian's Chromium driven by playwright-core.
 */
export async function startE2eApp(): Promise<E2eApp> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const sandbox: Sandbox = await startSandbox({ root, sources: ['shop', 'files'], allowWrites: true });
    cleanups.push(() => sandbox.stop());
    if (sandbox.unavailable.length > 0) throw new Error(sandbox.unavailable.map((entry) => entry.reason).join('; '));
    const fake = await startFakeAnthropic();
    cleanups.push(() => fake.stop());
    const directory = await mkdtemp(join(tmpdir(), 'connectormcp-e2e-'));
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    const configFile = join(directory, 'connectormcp.config.json');
    await writeFile(configFile, JSON.stringify({ datasources: sandbox.datasources }));
    const port = await freePort();
    let output = '';
    const api: ChildProcess = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: join(directory, 'data'),
        CONNECTORMCP_CONFIG: configFile,
        ANTHROPIC_API_KEY: fake.apiKey,
        ANTHROPIC_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'warn',
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
    return { url, fake, browser, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
