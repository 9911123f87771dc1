import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import { createConnectorHub, type ConnectorHub } from '@connectormcp/orchestrator';
import { freePort, seedMysqlSample, startMariadb, type MariadbServer } from '@connectormcp/services';
import { pino } from 'pino';
import { createApp, type ApiApp, type AppOptions } from '../src/create-app.js';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';
import { readEventStream } from './read-event-stream.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

export const testKeys = { alice: 'alice-key-0123456789', bob: 'bob-key-9876543210' };

export const as = (key: string) => ({ authorization: `Bearer ${key}` });

export interface ApiTestBed {
  app: ApiApp;
  base: string;
  hub: ConnectorHub;
  database: Database;
  fake: FakeAnthropic;
  mariadb: MariadbServer;
  /** Another app over the same hub and database. */
  appWith(overrides: Partial<AppOptions>): ApiApp;
  /**
   * Closes the embedded database and opens it again on the same directory, as a restart would; `database`
   * is the reopened one from then on (apps made before keep the closed one).
   */
  reopenDatabase(): Promise<Database>;
  /** Posts a JSON body asking for Server-Sent Events and collects every event's data (`onEvent` sees each as it comes). */
  stream(options: {
    path: string;
    body: unknown;
    key?: string;
    signal?: AbortSignal;
    onEvent?: (event: Record<string, unknown>) => Promise<void> | void;
  }): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/**
 * The API over real connectors (MySQL over a seeded MariaDB: `shop` allows writes; `offline` points at a
 * port where nothing listens), an embedded database, and the fake Anthropic API, listening on a port.
 */
export async function startApiTestBed(): Promise<ApiTestBed> {
  const mariadb = await startMariadb();
  await seedMysqlSample({ url: mariadb.url, database: 'shop' });
  const fake = await startFakeAnthropic();
  const deadPort = await freePort();
  const hub = createConnectorHub({
    datasources: [
      {
        id: 'shop',
        name: 'Shop database',
        kind: 'mysql',
        command: process.execPath,
        args: [mysqlBin],
        env: { MYSQL_URL: `${mariadb.url}/shop`, MYSQL_ALLOW_WRITES: 'true', LOG_LEVEL: 'warn' },
        examples: ['How many orders came in today?'],
      },
      {
        id: 'offline',
        name: 'Offline database',
        kind: 'mysql',
        command: process.execPath,
        args: [mysqlBin],
        env: { MYSQL_URL: mariadb.url.replace(/:\d+$/, `:${deadPort}`) + '/shop', LOG_LEVEL: 'warn' },
      },
    ],
  });
  const directory = await mkdtemp(join(tmpdir(), 'connectormcp-api-'));
  let database = await openDatabase({ directory });
  // Every app made here is drained at stop: an app's background work (the schedules queue, retention) must
  // not outlive the database it uses.
  const apps: ApiApp[] = [];
  const appWith = (overrides: Partial<AppOptions>) =>
    track(
      createApp({
        hub,
        store: createChatStore({ database }),
        runStore: createRunStore({ database }),
        database,
        logger: pino({ level: 'silent' }),
        apiKeys: [testKeys.alice, testKeys.bob],
        corsOrigins: [],
        environment: {},
        ...overrides,
      }),
    );
  const track = (made: ApiApp) => {
    apps.push(made);
    return made;
  };
  const app = appWith({ anthropic: new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 }) });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    app,
    base,
    hub,
    get database() {
      return database;
    },
    fake,
    mariadb,
    appWith,
    async reopenDatabase() {
      await database.close();
      database = await openDatabase({ directory });
      return database;
    },
    async stream({ path, body, key = testKeys.alice, signal, onEvent }) {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...as(key), 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
      if (!(response.headers.get('content-type') ?? '').includes('text/event-stream'))
        throw new Error(`expected an event stream, got ${response.status}: ${await response.text()}`);
      return readEventStream({ response, onEvent });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.allSettled(apps.map((made) => made.drain({ graceMs: 0 })));
      await hub.close();
      await database.close();
      await fake.stop();
      await mariadb.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
