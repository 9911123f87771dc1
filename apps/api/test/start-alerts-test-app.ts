import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectorHub } from '@connectormcp/orchestrator';
import type { ScheduleSettings } from '../src/api-config.js';
import type { RunDiff, RunResult } from '../src/contracts/index.js';
import { createApp, type ApiApp } from '../src/create-app.js';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';
import type { SavedRow, ScheduleRow, ScheduleRunRow } from '../src/schedules/schedule-rows.js';
import type { AlertDeliveryJob } from '../src/schedules/scheduler.js';
import { newSecretKey, recordingLogger } from './datasource-test-app.js';
import { as, testKeys } from './start-api-test-bed.js';

export { testKeys };

export interface AlertsTestApp {
  app: ApiApp;
  base: string;
  database: Database;
  /** The app's CONNECTORMCP_SECRET_KEY. */
  secretKey: string;
  /** Every log line of the app (debug level), to look for secrets in. */
  logLines: string[];
  /** Deliveries the alerts asked the queue for (the queue itself is not under test here). */
  enqueued: Array<AlertDeliveryJob & { startAfter?: Date }>;
  /** A JSON request as the given key (alice's by default); the body is parsed when JSON. */
  call(options: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    path: string;
    body?: unknown;
    key?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read the JSON answers freely
  }): Promise<{ status: number; body: any; text: string }>;
  /** A saved tool call and its schedule owned by the key's user; returns the schedule (and saved) row ids. */
  createSchedule(options?: { key?: string; name?: string }): Promise<{ scheduleId: string; savedId: string }>;
  /** A finished run of the schedule, as the runner would have stored it. */
  insertRun(options: {
    scheduleId: string;
    status?: 'ok' | 'error';
    result?: RunResult | null;
    diff?: RunDiff | null;
    error?: { code: string; message: string } | null;
  }): Promise<ScheduleRunRow>;
  /** `app.alerts.evaluateRun` with the schedule's and saved item's rows, as the runner calls it. */
  evaluateRun(options: { scheduleId: string; run: ScheduleRunRow; previous?: ScheduleRunRow | null }): Promise<void>;
  stop(): Promise<void>;
}

export const tableResult = (columns: string[], rows: unknown[][]): RunResult => ({
  columns,
  rows,
  row_count: rows.length,
  truncated: false,
  text: null,
});

/**
 * The API with API_KEYS (alice and bob: not local mode, so the webhook address guard applies unless
 * `webhookAllowPrivateNetworks`), a secret key, its own embedded database, no datasources, and the queue's
 * deliveries recorded instead of queued.
 */
export async function startAlertsTestApp({
  schedules = {},
  realQueue = false,
}: {
  schedules?: Partial<ScheduleSettings>;
  /** The app's own job queue (pg-boss on the embedded database) queues and works the deliveries. */
  realQueue?: boolean;
} = {}): Promise<AlertsTestApp> {
  const directory = await mkdtemp(join(tmpdir(), 'connectormcp-alerts-'));
  const database = await openDatabase({ directory });
  const hub = createConnectorHub({ datasources: [] });
  const { logger, lines } = recordingLogger();
  const secretKey = newSecretKey();
  const app = createApp({
    hub,
    store: createChatStore({ database }),
    runStore: createRunStore({ database }),
    database,
    logger,
    apiKeys: [testKeys.alice, testKeys.bob],
    corsOrigins: [],
    environment: {},
    secretKeys: { current: secretKey, previous: [] },
    schedules: { runner: realQueue, ...schedules },
  });
  const enqueued: AlertsTestApp['enqueued'] = [];
  // createAlerts calls the scheduler's method when it queues, so this replacement receives the jobs.
  const enqueue = app.scheduler.enqueueDelivery.bind(app.scheduler);
  app.scheduler.enqueueDelivery = async (job) => {
    enqueued.push(job);
    if (realQueue) await enqueue(job);
  };
  app.scheduler.register = async () => {};
  app.scheduler.unregister = async () => {};
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call: AlertsTestApp['call'] = async ({ method, path, body, key = testKeys.alice }) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...as(key), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text };
  };
  const owners = new Map<string, string>();
  const ownerOf = async (key: string) => {
    if (!owners.has(key)) {
      const me = await call({ method: 'GET', path: '/api/me', key });
      owners.set(key, (me.body as { user: { id: string } }).user.id);
    }
    return owners.get(key)!;
  };
  return {
    app,
    base,
    database,
    secretKey,
    logLines: lines,
    enqueued,
    call,
    async createSchedule({ key = testKeys.alice, name = 'Low stock' } = {}) {
      const owner = await ownerOf(key);
      const savedId = randomUUID();
      const scheduleId = randomUUID();
      await database.query(
        `INSERT INTO saved_items (id, owner, name, kind, datasource, tool, arguments) VALUES ($1, $2, $3, 'tool_call', 'shop', 'query', '{}')`,
        [savedId, owner, name],
      );
      await database.query(
        `INSERT INTO schedules (id, owner, saved_id, cron, timezone) VALUES ($1, $2, $3, '0 8 * * *', 'UTC')`,
        [scheduleId, owner, savedId],
      );
      return { scheduleId, savedId };
    },
    async insertRun({ scheduleId, status = 'ok', result = null, diff = null, error = null }) {
      const rows = await database.query<ScheduleRunRow>(
        `INSERT INTO schedule_runs (id, schedule_id, due_at, status, finished_at, result, diff, error)
         VALUES ($1, $2, $3, $4, now(), $5, $6, $7) RETURNING *`,
        [
          randomUUID(),
          scheduleId,
          new Date(Date.now() - Math.floor(Math.random() * 1e9)),
          status,
          result ? JSON.stringify(result) : null,
          diff ? JSON.stringify(diff) : null,
          error ? JSON.stringify(error) : null,
        ],
      );
      return rows[0]!;
    },
    async evaluateRun({ scheduleId, run, previous = null }) {
      const [schedule] = await database.query<ScheduleRow>('SELECT * FROM schedules WHERE id = $1', [scheduleId]);
      const [saved] = await database.query<SavedRow>('SELECT * FROM saved_items WHERE id = $1', [schedule!.saved_id]);
      await app.alerts.evaluateRun({ schedule: schedule!, saved: saved!, run, previous });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.drain({ graceMs: 0 }).catch(() => {});
      await hub.close();
      await database.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
