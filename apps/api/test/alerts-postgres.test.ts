import { createHmac, randomUUID } from 'node:crypto';
import { startPostgres, startWebhookReceiver, type PostgresServer, type WebhookReceiver } from '@connectormcp/services';
import { pino } from 'pino';
import { createAlerts, type Alerts } from '../src/alerts/alerts.js';
import { scheduleSettingsFromEnvironment } from '../src/api-config.js';
import { createAuditLog } from '../src/audit/audit-log.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createSecretBox } from '../src/datasources/secret-box.js';
import type { SavedRow, ScheduleRow, ScheduleRunRow } from '../src/schedules/schedule-rows.js';
import type { AlertDeliveryJob } from '../src/schedules/scheduler.js';
import { newSecretKey } from './datasource-test-app.js';
import { tableResult } from './start-alerts-test-app.js';

describe('alerts on a real PostgreSQL shared by two instances', () => {
  let postgres: PostgresServer;
  let receiver: WebhookReceiver;
  const databases: Database[] = [];
  const enqueued: AlertDeliveryJob[] = [];
  let instances: Alerts[];
  const key = newSecretKey();
  const secretBox = createSecretBox({ keys: { current: key, previous: [] }, allowGenerated: false });

  beforeAll(async () => {
    postgres = await startPostgres();
    receiver = await startWebhookReceiver();
    databases.push(await openDatabase({ url: postgres.url }), await openDatabase({ url: postgres.url }));
    instances = databases.map((database) =>
      createAlerts({
        database,
        secretBox,
        auditLog: createAuditLog({ database }),
        settings: { ...scheduleSettingsFromEnvironment({ environment: {} }), retryLimit: 1 },
        allowPrivateNetworks: true,
        logger: pino({ level: 'silent' }),
        enqueueDelivery: async (job) => void enqueued.push(job),
      }),
    );
  }, 120_000);

  afterAll(async () => {
    for (const database of databases) await database.close();
    await receiver?.stop();
    await postgres?.stop();
  });

  it('fires once per alert and run when both instances evaluate it, suppresses the same news, and delivers once', async () => {
    const database = databases[0]!;
    const [saved] = await database.query<SavedRow>(
      `INSERT INTO saved_items (id, owner, name, kind, datasource, tool, arguments)
       VALUES ($1, 'ann', 'Low stock', 'tool_call', 'shop', 'query', '{}') RETURNING *`,
      [randomUUID()],
    );
    const [schedule] = await database.query<ScheduleRow>(
      `INSERT INTO schedules (id, owner, saved_id, cron, timezone) VALUES ($1, 'ann', $2, '* * * * *', 'UTC') RETURNING *`,
      [randomUUID(), saved!.id],
    );
    const secret = 'postgres-webhook-secret';
    await database.query(
      `INSERT INTO alert_rules (id, schedule_id, name, condition, webhook_url, webhook_secret)
       VALUES ('pg-alert', $1, 'Low', '{"type":"row_count","operator":">","value":0}', $2, $3)`,
      [schedule!.id, secretBox.encrypt(`${receiver.url}/pg`), secretBox.encrypt(secret)],
    );
    const insertRun = async () =>
      (
        await database.query<ScheduleRunRow>(
          `INSERT INTO schedule_runs (id, schedule_id, due_at, status, finished_at, result)
           VALUES ($1, $2, $3, 'ok', now(), $4) RETURNING *`,
          [
            randomUUID(),
            schedule!.id,
            new Date(Date.now() - Math.random() * 1e9),
            JSON.stringify(tableResult(['id'], [[1]])),
          ],
        )
      )[0]!;
    const run = await insertRun();
    await Promise.all(
      instances.map((alerts) => alerts.evaluateRun({ schedule: schedule!, saved: saved!, run, previous: null })),
    );
    expect(enqueued).toHaveLength(1);
    const [firingId] = enqueued.map((job) => job.firingId);
    // The queue hands the job to one instance; a repeat of it on the other sends nothing more.
    await instances[1]!.deliver({ firingId: firingId! });
    await instances[0]!.deliver({ firingId: firingId! });
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0]!;
    expect(request.headers['x-connectormcp-signature']).toBe(
      `v1=${createHmac('sha256', secret)
        .update(`${String(request.headers['x-connectormcp-timestamp'])}.${request.body}`)
        .digest('hex')}`,
    );

    await instances[1]!.evaluateRun({ schedule: schedule!, saved: saved!, run: await insertRun(), previous: run });
    expect(enqueued).toHaveLength(1);
    const firings = await database.query<{ status: string }>(
      `SELECT status FROM alert_firings WHERE alert_id = 'pg-alert' ORDER BY fired_at`,
    );
    expect(firings.map((firing) => firing.status)).toEqual(['sent', 'suppressed']);
  });
});
