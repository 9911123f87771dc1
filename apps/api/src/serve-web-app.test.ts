import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { serveWebApp } from './serve-web-app.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Node's http client: no Accept-Encoding of its own and no decoding, so the test sees the bytes sent. */
function get({ port, path, headers = {} }: { port: number; path: string; headers?: Record<string, string> }) {
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
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

describe('serveWebApp over HTTP', () => {
  const script = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
  const html =
    '<!doctype html><title>ConnectorMCP</title><script type="module" src="/assets/index-abc123.js"></script>';
  let directory: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-serve-web-'));
    await mkdir(join(directory, 'assets'));
    await mkdir(join(directory, '.sourcemaps', 'assets'), { recursive: true });
    const withCompressed = async (path: string, content: string, encodings: Array<'br' | 'gz'>) => {
      await writeFile(join(directory, path), content);
      if (encodings.includes('br')) await writeFile(join(directory, `${path}.br`), brotliCompressSync(content));
      if (encodings.includes('gz')) await writeFile(join(directory, `${path}.gz`), gzipSync(content));
    };
    await withCompressed('index.html', html, ['br', 'gz']);
    await withCompressed('assets/index-abc123.js', script, ['br', 'gz']);
    await withCompressed('assets/index-abc123.css', 'body { color: black; }\n'.repeat(50), ['br', 'gz']);
    // The build skips a file whose compressed form would not be smaller; here only gzip was written.
    await withCompressed('assets/only-gzip-abc123.js', script, ['gz']);
    await withCompressed('assets/plain-abc123.js', script, []);
    await writeFile(join(directory, '.sourcemaps', 'assets', 'index-abc123.js.map'), '{"version":3}');
    const app = express();
    app.use(serveWebApp({ webDirectory: directory }));
    app.use((_request, response) => void response.status(404).json({ error: { code: 'not_found' } }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(directory, { recursive: true, force: true });
  });

  const asset = '/assets/index-abc123.js';

  it('sends brotli to a browser that accepts it, even when gzip is listed first', async () => {
    const response = await get({ port, path: asset, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('sends gzip when brotli is refused with q=0 or not offered', async () => {
    for (const acceptEncoding of ['gzip, br;q=0', 'gzip', 'deflate, gzip;q=0.5']) {
      const response = await get({ port, path: asset, headers: { 'accept-encoding': acceptEncoding } });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(response.body).toString()).toBe(script);
    }
    const css = await get({ port, path: '/assets/index-abc123.css', headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers['content-type']).toMatch(/^text\/css; charset=utf-8$/i);
    expect(css.headers['content-encoding']).toBe('gzip');
  });

  it('sends the file as it is without Accept-Encoding, for identity, or when every encoding is refused', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of cases) {
      const response = await get({ port, path: asset, headers });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
      expect(response.body.toString()).toBe(script);
    }
  });

  it('ignores a forged or malformed Accept-Encoding rather than failing or sending a wrong encoding', async () => {
    for (const acceptEncoding of [
      'x-evil, ../../etc/passwd',
      'br;q=abc',
      'gzip;q=-1, br;q=nan',
      ',,;;q=,',
      `${'a'.repeat(4_000)}, identity`,
    ]) {
      const response = await get({ port, path: asset, headers: { 'accept-encoding': acceptEncoding } });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.toString()).toBe(script);
    }
  });

  it('falls back to what exists when a precompressed file is missing', async () => {
    const gzipOnly = await get({
      port,
      path: '/assets/only-gzip-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.body).toString()).toBe(script);
    const plain = await get({ port, path: '/assets/plain-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(script);
  });

  it('revalidates index.html by ETag, compressed too, and answers 304 when unchanged', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await get({ port, path, headers: { 'accept-encoding': 'gzip, br' } });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.etag).toBeTruthy();
      const again = await get({
        port,
        path,
        headers: { 'accept-encoding': 'gzip, br', 'if-none-match': response.headers.etag! },
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('serves the app shell for client routes only; an unknown asset or a source map is a 404', async () => {
    const route = await get({ port, path: '/chats/123?session=abc', headers: { 'accept-encoding': 'gzip' } });
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(route.body).toString()).toBe(html);
    for (const path of [
      '/assets/index-gone00.js',
      '/assets/missing',
      '/favicon.ico',
      '/.sourcemaps/assets/index-abc123.js.map',
      '/.sourcemaps/',
      '/api/anything',
    ]) {
      const response = await get({ port, path });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body.toString()).not.toContain('<title>');
    }
  });
});
