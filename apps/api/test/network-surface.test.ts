import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  hostOriginCases,
  sendHostOriginCase,
  sendRawHttpRequest,
  type HostOriginRoute,
} from '@connectormcp/connector-kit/testing';
import { createConnectorHub, type ConnectorHub } from '@connectormcp/orchestrator';
import { freePort, waitFor } from '@connectormcp/services';
import { pino } from 'pino';
import { apiConfigFromEnvironment } from '../src/api-config.js';
import { createApp, type ApiApp, type AppOptions } from '../src/create-app.js';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const apiKey = 'network-surface-key-0123456789';
const stackTrace = /\bat .+:\d+:\d+/;

/**
 * The API's answer to pages that reach it by DNS rebinding or call it from another site: every route,
 * the SSE stream, the web app's files, health and metrics, with and without API keys, over real HTTP.
 */
describe("the API's network surface", () => {
  let hub: ConnectorHub;
  let database: Database;
  let directory: string;
  let webDirectory: string;
  const servers: Server[] = [];
  const logLines: string[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-api-surface-'));
    webDirectory = join(directory, 'web');
    await mkdir(join(webDirectory, 'assets'), { recursive: true });
    await writeFile(join(webDirectory, 'index.html'), '<!doctype html><title>ConnectorMCP</title>');
    await writeFile(join(webDirectory, 'assets', 'app.js'), 'console.log("app");');
    database = await openDatabase({ directory: join(directory, 'data') });
    // A datasource whose connector exits at once: chats can start (and stop at the missing Anthropic key)
    // without any connector running.
    hub = createConnectorHub({
      datasources: [{ id: 'demo', name: 'Demo', command: process.execPath, args: ['-e', 'process.exit(0)'] }],
    });
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    // Background work of each app (retention, the schedules queue) stops before the database closes.
    await Promise.allSettled(apps.map((app) => app.drain({ graceMs: 0 })));
    await hub.close();
    await database.close();
    await rm(directory, { recursive: true, force: true });
  });

  const apps: ApiApp[] = [];
  async function listen(overrides: Partial<AppOptions> = {}) {
    const app = createApp({
      hub,
      store: createChatStore({ database }),
      runStore: createRunStore({ database }),
      database,
      logger: pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }),
      apiKeys: [],
      corsOrigins: [],
      environment: {},
      webDirectory,
      ...overrides,
    });
    apps.push(app);
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    servers.push(server);
    return (server.address() as AddressInfo).port;
  }

  const json = (body: unknown): Pick<HostOriginRoute, 'headers' | 'body'> => ({
    headers: [['content-type', 'application/json']],
    body: JSON.stringify(body),
  });

  const modes: Array<{ mode: string; apiKeys: string[]; credentials: Array<[string, string]> }> = [
    { mode: 'without API keys', apiKeys: [], credentials: [] },
    { mode: 'with API keys', apiKeys: [apiKey], credentials: [['authorization', `Bearer ${apiKey}`]] },
  ];
  describe.each(modes)('$mode, the table of forged headers the connectors run too', ({ apiKeys, credentials }) => {
    let port: number;
    beforeAll(async () => {
      port = await listen({ apiKeys });
    });

    const routes = (): Record<'read' | 'write', HostOriginRoute & { allowedStatus: number }> => ({
      read: { method: 'GET', path: '/api/chat/sessions', headers: credentials, allowedStatus: 200 },
      write: {
        method: 'POST',
        path: '/api/chat/sessions',
        ...json({ title: 'from the table' }),
        headers: [...credentials, ['content-type', 'application/json']],
        allowedStatus: 201,
      },
    });

    it.each(hostOriginCases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const route = routes()[testCase.kind];
      const response = await sendHostOriginCase({ testCase, port, route });
      if (testCase.expected === 'allowed') {
        expect(response.status).toBe(route.allowedStatus);
        return;
      }
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toContain('application/json');
      const body = JSON.parse(response.body) as { error: { code: string; message: string; details: unknown } };
      expect(body).toEqual({ error: { code: testCase.expected, message: expect.any(String), details: null } });
      expect(response.body).not.toMatch(stackTrace);
    });
  });

  describe('every surface refuses forged names and origins', () => {
    let port: number;
    beforeAll(async () => {
      port = await listen();
    });

    const surfaces: Array<HostOriginRoute & { name: string; allowedStatus: number; contentType: RegExp }> = [
      { name: 'liveness', method: 'GET', path: '/healthz', allowedStatus: 200, contentType: /json/ },
      { name: 'readiness', method: 'GET', path: '/readyz', allowedStatus: 200, contentType: /json/ },
      { name: 'metrics', method: 'GET', path: '/metrics', allowedStatus: 200, contentType: /text\/plain/ },
      { name: 'the web app', method: 'GET', path: '/', allowedStatus: 200, contentType: /text\/html/ },
      { name: 'a client route', method: 'GET', path: '/chats/123', allowedStatus: 200, contentType: /text\/html/ },
      { name: 'a script', method: 'GET', path: '/assets/app.js', allowedStatus: 200, contentType: /javascript/ },
      { name: 'the session list', method: 'GET', path: '/api/chat/sessions', allowedStatus: 200, contentType: /json/ },
      { name: 'datasources', method: 'GET', path: '/api/datasources', allowedStatus: 200, contentType: /json/ },
      { name: 'the chat status', method: 'GET', path: '/api/status', allowedStatus: 200, contentType: /json/ },
      {
        name: 'a tool call re-run',
        method: 'POST',
        path: '/api/chat/sessions/00000000-0000-4000-8000-000000000000/tool-calls',
        ...json({ datasource: 'demo', tool: 'list_items', arguments: {} }),
        allowedStatus: 404,
        contentType: /json/,
      },
      {
        name: 'the SSE chat stream',
        method: 'POST',
        path: '/api/chat/message',
        ...json({ message: 'hello', datasources: ['demo'] }),
        headers: [
          ['content-type', 'application/json'],
          ['accept', 'text/event-stream'],
        ],
        allowedStatus: 200,
        contentType: /text\/event-stream/,
      },
      {
        name: 'the tool explorer',
        method: 'POST',
        path: '/api/datasources/demo/tools/list_items',
        ...json({ arguments: {} }),
        // Past the checks: the connector exits at once, so it has no such tool.
        allowedStatus: 404,
        contentType: /json/,
      },
      {
        name: 'renaming a session',
        method: 'PATCH',
        path: '/api/chat/sessions/00000000-0000-4000-8000-000000000000',
        ...json({ title: 'x' }),
        allowedStatus: 404,
        contentType: /json/,
      },
      {
        name: 'deleting a session',
        method: 'DELETE',
        path: '/api/chat/sessions/00000000-0000-4000-8000-000000000000',
        allowedStatus: 404,
        contentType: /json/,
      },
    ];

    it.each(surfaces.map((surface) => [surface.name, surface] as const))('%s', async (_name, surface) => {
      const send = (headers: Array<[string, string]>) =>
        sendRawHttpRequest({
          port,
          method: surface.method,
          target: surface.path,
          headers: [...headers, ...(surface.headers ?? [])],
          ...(surface.body ? { body: surface.body } : {}),
        });
      const honest = await send([['host', `127.0.0.1:${port}`]]);
      expect(honest.status).toBe(surface.allowedStatus);
      expect(honest.headers['content-type']).toMatch(surface.contentType);
      for (const name of ['localhost.evil.example', '127.0.0.1.nip.io', 'evil.example']) {
        const forged = await send([['host', `${name}:${port}`]]);
        expect([forged.status, JSON.parse(forged.body).error.code]).toEqual([403, 'forbidden_host']);
      }
      for (const origin of ['https://evil.example', `http://127.0.0.1.nip.io:${port}`, 'null']) {
        const forged = await send([
          ['host', `127.0.0.1:${port}`],
          ['origin', origin],
        ]);
        expect([forged.status, JSON.parse(forged.body).error.code]).toEqual([403, 'forbidden_origin']);
      }
    });

    it('writes a log line for each refusal, naming what it refused', async () => {
      logLines.length = 0;
      await sendRawHttpRequest({ port, target: '/api/chat/sessions', headers: [['host', `rebound.example:${port}`]] });
      const refusals = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(refusals).toEqual([
        expect.objectContaining({
          level: 40,
          code: 'forbidden_host',
          host: `rebound.example:${port}`,
          path: '/api/chat/sessions',
          msg: `refused: Host "rebound.example:${port}" is not served here; add its name to ALLOWED_HOSTS to serve it.`,
        }),
      ]);
    });
  });

  describe('a deployment with ALLOWED_HOSTS and CORS_ORIGINS', () => {
    let port: number;
    beforeAll(async () => {
      const config = apiConfigFromEnvironment({
        environment: {
          API_KEYS: apiKey,
          HOST: '0.0.0.0',
          ALLOWED_HOSTS: 'chat.example.com',
          CORS_ORIGINS: 'https://app.example.net',
        },
      });
      port = await listen({
        apiKeys: config.apiKeys,
        allowedHosts: config.allowedHosts,
        corsOrigins: config.corsOrigins,
      });
    });

    it('serves its public name and loopback names, and takes writes from its own pages and listed origins', async () => {
      const post = async (host: string, origin?: string) =>
        (
          await sendRawHttpRequest({
            port,
            method: 'POST',
            target: '/api/chat/sessions',
            headers: [
              ['host', host],
              ...(origin ? ([['origin', origin]] as Array<[string, string]>) : []),
              ['authorization', `Bearer ${apiKey}`],
              ['content-type', 'application/json'],
            ],
            body: '{"title":"deployment"}',
          })
        ).status;
      expect(await post('chat.example.com')).toBe(201);
      expect(await post('CHAT.example.com:443', 'https://chat.example.com')).toBe(201);
      expect(await post('chat.example.com', 'https://app.example.net')).toBe(201);
      expect(await post(`localhost:${port}`)).toBe(201);
      expect(await post('chat.example.com.evil.example')).toBe(403);
      expect(await post('chat.example.com', 'https://app.example.net.evil.example')).toBe(403);
      expect(await post('chat.example.com', 'https://evil.example')).toBe(403);
    });
  });

  describe('configuration', () => {
    it('requires ALLOWED_HOSTS to listen on every interface, and names entries that are not host names', () => {
      expect(() => apiConfigFromEnvironment({ environment: { API_KEYS: apiKey } })).toThrow(
        /^Refusing to listen on 0\.0\.0\.0 without ALLOWED_HOSTS: set it to the host names clients use/,
      );
      expect(() =>
        apiConfigFromEnvironment({ environment: { API_KEYS: apiKey, ALLOWED_HOSTS: 'https://chat.example.com' } }),
      ).toThrow(/^ALLOWED_HOSTS: expected host names such as chat\.example\.com/);
      expect(() => apiConfigFromEnvironment({ environment: { CORS_ORIGINS: 'app.example.net' } })).toThrow(
        /^CORS_ORIGINS: expected origins/,
      );
      expect(apiConfigFromEnvironment({ environment: {} })).toMatchObject({
        host: '127.0.0.1',
        allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      });
      expect(apiConfigFromEnvironment({ environment: { API_KEYS: apiKey, HOST: '10.1.2.3' } }).allowedHosts).toContain(
        '10.1.2.3',
      );
    });
  });

  describe('the API process', () => {
    const run = (environment: Record<string, string>) => {
      const child = spawn(process.execPath, [main], {
        env: { PATH: process.env.PATH, DATA_DIR: join(directory, 'process-data'), LOG_LEVEL: 'warn', ...environment },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // 'close' comes after the output pipes have ended, so every line written before exit has been read.
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      return { child, exited, output: () => output };
    };

    it('refuses to start on every interface without ALLOWED_HOSTS, in one line', async () => {
      const started = run({ API_KEYS: apiKey, PORT: String(await freePort()) });
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(/^error: Refusing to listen on 0\.0\.0\.0 without ALLOWED_HOSTS: .+\n$/);
      expect(started.output()).not.toMatch(stackTrace);
    });

    it('exits 1 with one line naming the port when the port is taken', async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const { port } = taken.address() as AddressInfo;
      try {
        const started = run({ PORT: String(port) });
        expect(await started.exited).toBe(1);
        expect(started.output()).toContain(`error: cannot listen: port ${port} on 127.0.0.1 is already in use`);
        expect(started.output()).not.toMatch(stackTrace);
      } finally {
        taken.close();
      }
    }, 180_000);

    it('refuses forged names in its default mode (loopback, no API keys)', async () => {
      const port = await freePort();
      const started = run({ PORT: String(port) });
      try {
        await waitFor({
          probe: async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok === true,
          description: 'the API to become ready',
          // Opening the embedded database compiles WebAssembly: slow on a busy machine.
          timeoutMs: 120_000,
        });
        const status = async (host: string) =>
          (await sendRawHttpRequest({ port, target: '/api/chat/sessions', headers: [['host', host]] })).status;
        expect(await status(`127.0.0.1:${port}`)).toBe(200);
        expect(await status(`localhost.evil.example:${port}`)).toBe(403);
        expect(await status(`127.0.0.1.nip.io:${port}`)).toBe(403);
        const crossSite = await sendRawHttpRequest({
          port,
          method: 'POST',
          target: '/api/chat/sessions',
          headers: [
            ['host', `127.0.0.1:${port}`],
            ['origin', 'https://evil.example'],
            ['content-type', 'application/json'],
          ],
          body: '{}',
        });
        expect(crossSite.status).toBe(403);
        // The log line reaches the pipe a moment after the response.
        await waitFor({
          probe: async () => started.output().includes('"code":"forbidden_origin"'),
          description: 'the refusal to be logged',
          timeoutMs: 10_000,
        });
      } finally {
        started.child.kill('SIGTERM');
        await started.exited;
      }
    }, 180_000);
  });
});
