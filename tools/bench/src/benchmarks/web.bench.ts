// Web: the bytes Chromium receives for the first page view of the chat (the built web app served by the
// built API, until the network is idle), as served (brotli, the browser's own Accept-Encoding) against the
// same view asking for identity, the uncompressed baseline. Also the initial JavaScript as transferred,
// and its gzip size from the build, against the 200 KB budget.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, freePort, waitFor } from '@connectormcp/services';
import { chromium, type Browser } from 'playwright-core';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';

const apiMain = fileURLToPath(new URL('../../../../apps/api/dist/main.js', import.meta.url));
const webDist = fileURLToPath(new URL('../../../../apps/web/dist', import.meta.url));
const budgetKilobytes = 200;

interface PageView {
  /** Every response's bytes on the wire (headers and body) until the network is idle. */
  totalBytes: number;
  /** The scripts fetched for the view, bytes on the wire. */
  scriptBytes: number;
  scriptUrls: string[];
  encodings: string[];
}

/** Loads the app once in a fresh context, counting transferred bytes through the DevTools protocol. */
async function firstPageView({
  browser,
  url,
  acceptEncoding,
}: {
  browser: Browser;
  url: string;
  acceptEncoding?: string;
}): Promise<PageView> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    // Without a cache, as a first visit is.
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (acceptEncoding)
      await devtools.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
    const types = new Map<string, { type: string; url: string; encoding: string }>();
    const transferred = new Map<string, number>();
    devtools.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
      );
      types.set(event.requestId, {
        type: event.type,
        url: event.response.url,
        encoding: headers['content-encoding'] ?? 'identity',
      });
    });
    devtools.on('Network.loadingFinished', (event) => transferred.set(event.requestId, event.encodedDataLength));
    await page.goto(url, { waitUntil: 'networkidle' });
    const scripts = [...types].filter(([, response]) => response.type === 'Script');
    return {
      totalBytes: [...transferred.values()].reduce((sum, bytes) => sum + bytes, 0),
      scriptBytes: scripts.reduce((sum, [requestId]) => sum + (transferred.get(requestId) ?? 0), 0),
      scriptUrls: scripts.map(([, response]) => new URL(response.url).pathname),
      encodings: [...new Set(scripts.map(([, response]) => response.encoding))],
    };
  } finally {
    await context.close();
  }
}

export default defineBenchmark({
  name: 'web',
  async run(): Promise<BenchmarkRow[]> {
    const directory = await mkdtemp(join(tmpdir(), 'connectormcp-bench-web-'));
    const configFile = join(directory, 'connectormcp.config.json');
    await writeFile(configFile, JSON.stringify({ datasources: [] }));
    const port = await freePort();
    const api = spawn(process.execPath, [apiMain], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: join(directory, 'data'),
        CONNECTORMCP_CONFIG: configFile,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    let browser: Browser | undefined;
    try {
      await waitFor({
        probe: async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true,
        description: 'the API to become ready',
        timeoutMs: 90_000,
      });
      browser = await chromium.launch({
        executablePath: findChromium(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      });
      const compressed = await firstPageView({ browser, url });
      const uncompressed = await firstPageView({ browser, url, acceptEncoding: 'identity' });
      if (!compressed.encodings.every((encoding) => encoding === 'br'))
        throw new Error(`expected brotli scripts, got ${compressed.encodings.join(', ')}`);
      if (uncompressed.encodings.some((encoding) => encoding !== 'identity'))
        throw new Error(`expected uncompressed scripts in the baseline, got ${uncompressed.encodings.join(', ')}`);
      const gzipBytes = (
        await Promise.all(
          compressed.scriptUrls.map(async (path) => (await readFile(join(webDist, `${path}.gz`))).length),
        )
      ).reduce((sum, bytes) => sum + bytes, 0);
      process.stderr.write(`web: initial scripts ${compressed.scriptUrls.join(', ')}\n`);
      const kilobytes = (bytes: number) => bytes / 1024;
      return [
        {
          benchmark: 'web',
          metric: 'first page view, bytes transferred (brotli vs identity)',
          value: kilobytes(compressed.totalBytes),
          baseline: kilobytes(uncompressed.totalBytes),
          unit: 'KB',
        },
        {
          benchmark: 'web',
          metric: 'initial JavaScript transferred (brotli vs identity)',
          value: kilobytes(compressed.scriptBytes),
          baseline: kilobytes(uncompressed.scriptBytes),
          unit: 'KB',
          goal: `< ${budgetKilobytes} KB`,
          met: kilobytes(compressed.scriptBytes) < budgetKilobytes,
        },
        {
          benchmark: 'web',
          metric: 'initial JavaScript, gzip files (for clients without brotli)',
          value: kilobytes(gzipBytes),
          baseline: kilobytes(uncompressed.scriptBytes),
          unit: 'KB',
          goal: `< ${budgetKilobytes} KB`,
          met: kilobytes(gzipBytes) < budgetKilobytes,
        },
      ];
    } finally {
      await browser?.close();
      await new Promise<void>((resolve) => {
        if (api.exitCode !== null) return resolve();
        api.once('exit', () => resolve());
        api.kill('SIGTERM');
      });
      await rm(directory, { recursive: true, force: true });
    }
  },
});
