import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createConnectorHub } from '@connectormcp/orchestrator';
import { freePort } from '@connectormcp/services';
import { pino } from 'pino';
import type { OidcSettings } from '../src/api-config.js';
import { createApp, type ApiApp, type AppOptions } from '../src/create-app.js';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';

export interface AuthApi {
  app: ApiApp;
  /** Where the API listens (`http://127.0.0.1:PORT`). */
  base: string;
  stop(): Promise<void>;
}

export interface AuthTestBed {
  database: Database;
  /** Every log line any app of this bed wrote, as JSON text. */
  logLines: string[];
  secretKey: string;
  /** Starts an API on `port` (free by default) over the bed's database, with a logger that records every line. */
  startApi(options: {
    port?: number;
    oidc?: OidcSettings;
    publicUrl?: string;
    apiKeys?: string[];
    overrides?: Partial<AppOptions>;
  }): Promise<AuthApi>;
  stop(): Promise<void>;
}

export const oidcSettings = ({
  issuer,
  clientSecret,
  ...rest
}: { issuer: string; clientSecret: string } & Partial<OidcSettings>): OidcSettings => ({
  issuer,
  clientId: 'connectormcp',
  clientSecret,
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  groupsClaim: 'groups',
  adminGroups: ['connectormcp-admins'],
  allowedGroups: [],
  ...rest,
});

/** An embedded database and APIs without datasources: enough for who is asking. Logs are kept, at debug level. */
export async function startAuthTestBed(): Promise<AuthTestBed> {
  const directory = await mkdtemp(join(tmpdir(), 'connectormcp-auth-'));
  const database = await openDatabase({ directory });
  const hub = createConnectorHub({ datasources: [] });
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  );
  const secretKey = randomBytes(32).toString('base64');
  const apis: AuthApi[] = [];
  return {
    database,
    logLines,
    secretKey,
    async startApi({ port, oidc, publicUrl, apiKeys = [], overrides = {} }) {
      const listenPort = port ?? (await freePort());
      const app = createApp({
        hub,
        store: createChatStore({ database }),
        runStore: createRunStore({ database }),
        database,
        logger,
        apiKeys,
        corsOrigins: [],
        environment: {},
        secretKeys: { current: secretKey, previous: [] },
        auth: {
          ...(oidc ? { oidc } : {}),
          ...(publicUrl ? { publicUrl } : {}),
          sessionMaxAgeHours: 12,
        },
        ...overrides,
      });
      const server = await new Promise<Server>((resolve) => {
        const listening = app.listen(listenPort, '127.0.0.1', () => resolve(listening));
      });
      const api: AuthApi = {
        app,
        base: `http://127.0.0.1:${listenPort}`,
        async stop() {
          server.closeAllConnections();
          await new Promise((resolve) => server.close(resolve));
          await app.drain({ graceMs: 0 });
        },
      };
      apis.push(api);
      return api;
    },
    async stop() {
      await Promise.allSettled(apis.map((api) => api.stop()));
      await hub.close();
      await database.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
