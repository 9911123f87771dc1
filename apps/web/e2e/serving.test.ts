/**
 * @jest-environment node
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startE2eApp, type E2eApp } from './start-e2e-app.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Node's http client: it adds no Accept-Encoding and decodes nothing, so the test sees what was sent. */
function get({ url, headers = {} }: { url: string; headers?: Record<string, string> }) {
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The built web app as the built API serves it, over real HTTP and in Chromium. */
describe('serving the built web app', () => {
  let app: E2eApp;
  let entryScript: string;
  let stylesheet: string;
  let identity: Buffer;

  beforeAll(async () => {
    app = await startE2eApp({ sources: [] });
    const html = (await get({ url: app.url })).body.toString();
    entryScript = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)![1]!;
    stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(html)![1]!;
    identity = (await get({ url: `${app.url}${entryScript}` })).body;
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('negotiates brotli, gzip or none for scripts and styles, with the headers caches need', async () => {
    const cases: Array<{ acceptEncoding?: string; encoding: string | undefined }> = [
      { acceptEncoding: 'gzip, deflate, br, zstd', encoding: 'br' },
      { acceptEncoding: 'gzip, deflate, br;q=0', encoding: 'gzip' },
      { acceptEncoding: 'gzip;q=0.5', encoding: 'gzip' },
      { acceptEncoding: 'identity', encoding: undefined },
      { acceptEncoding: 'br;q=0, gzip;q=0', encoding: undefined },
      { acceptEncoding: 'x-forged, ../gzip, br;q=nope', encoding: undefined },
      { encoding: undefined },
    ];
    for (const { acceptEncoding, encoding } of cases) {
      const response = await get({
        url: `${app.url}${entryScript}`,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      });
      expect({ acceptEncoding, status: response.status, encoding: response.headers['content-encoding'] }).toEqual({
        acceptEncoding,
        status: 200,
        encoding,
      });
      expect(response.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers.vary).toMatch(/Accept-Encoding/);
      const decoded =
        encoding === 'br'
          ? brotliDecompressSync(response.body)
          : encoding === 'gzip'
            ? gunzipSync(response.body)
            : response.body;
      expect(decoded.equals(identity)).toBe(true);
      if (encoding === 'br') expect(response.body.length).toBeLessThan(identity.length / 3);
    }
    const style = await get({ url: `${app.url}${stylesheet}`, headers: { 'accept-encoding': 'br' } });
    expect(style.headers['content-encoding']).toBe('br');
    expect(style.headers['content-type']).toMatch(/^text\/css; charset=utf-8$/i);
  });

  it('revalidates index.html with an ETag, and serves the shell only for app routes', async () => {
    const page = await get({ url: app.url, headers: { 'accept-encoding': 'br' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    const etag = page.headers.etag!;
    expect(etag).toBeTruthy();
    const unchanged = await get({ url: app.url, headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    const route = await get({ url: `${app.url}/chats/123` });
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body.toString()).toContain(entryScript);
    for (const path of [
      '/assets/index-00000000.js',
      '/assets/nothing',
      '/missing.js',
      '/.sourcemaps/',
      '/.vite/manifest.json',
    ]) {
      const missing = await get({ url: `${app.url}${path}` });
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      expect(missing.body.toString()).not.toContain('<script');
    }
  });

  it('refuses a forged Host for the files as for the API (DNS rebinding)', async () => {
    for (const path of ['/', entryScript, '/chats/123']) {
      const forged = await get({
        url: `${app.url}${path}`,
        headers: { host: 'attacker.example', 'accept-encoding': 'br' },
      });
      expect({ path, status: forged.status }).toEqual({ path, status: 403 });
    }
  });

  it('is what Chromium gets: brotli scripts and styles on the first view', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const encodings: Record<string, string | undefined> = {};
    page.on('response', (response) => {
      if (/\.(js|css)$/.test(new URL(response.url()).pathname))
        encodings[new URL(response.url()).pathname] = response.headers()['content-encoding'];
    });
    await page.goto(app.url, { waitUntil: 'networkidle' });
    await context.close();
    expect(Object.keys(encodings)).toEqual(expect.arrayContaining([entryScript, stylesheet]));
    expect(Object.values(encodings).every((encoding) => encoding === 'br')).toBe(true);
  });
});
