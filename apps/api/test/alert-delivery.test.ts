import { createHmac } from 'node:crypto';
import {
  startSmtpServer,
  startWebhookReceiver,
  type ReceivedRequest,
  type SmtpServer,
  type WebhookReceiver,
} from '@connectormcp/services';
import { deliverWebhook } from '../src/alerts/deliver-webhook.js';
import { alertsResponseSchema, type RunDiff } from '../src/contracts/index.js';
import { expectContract } from './expect-contract.js';
import { startAlertsTestApp, tableResult, type AlertsTestApp } from './start-alerts-test-app.js';

const verifies = (request: ReceivedRequest, secret: string) =>
  request.headers['x-connectormcp-signature'] ===
  `v1=${createHmac('sha256', secret)
    .update(`${String(request.headers['x-connectormcp-timestamp'])}.${request.body}`)
    .digest('hex')}`;

const lowStock = (skus: string[]) =>
  tableResult(
    ['sku', 'stock'],
    skus.map((sku) => [sku, 3]),
  );

interface FiringRow {
  id: string;
  status: string;
  run_id: string | null;
  deliveries: Array<{ channel: string; ok: boolean; status: number | null; error: string | null; attempt: number }>;
  deliver_after: Date | null;
  message: string;
}

const clock = (date: Date) => date.toISOString().slice(11, 16);

describe('alert delivery (real SMTP server with a login, loopback webhook receiver)', () => {
  let bed: AlertsTestApp;
  let receiver: WebhookReceiver;
  let smtp: SmtpServer;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    smtp = await startSmtpServer({ auth: { user: 'alerts', password: 'mail-Secret-42' } });
    expect(smtp.port).not.toBe(25);
    bed = await startAlertsTestApp({
      schedules: {
        webhookAllowPrivateNetworks: true,
        retryLimit: 2,
        smtp: { url: smtp.url, from: 'ConnectorMCP <alerts@example.test>' },
      },
    });
  });

  afterAll(async () => {
    await bed?.stop();
    await receiver?.stop();
    await smtp?.stop();
  });

  beforeEach(() => {
    receiver.respond({ status: 200 });
    smtp.failWith(null);
  });

  const createAlert = async ({ scheduleId, body }: { scheduleId: string; body: Record<string, unknown> }) => {
    const created = await bed.call({ method: 'POST', path: `/api/schedules/${scheduleId}/alerts`, body });
    expect(created.status).toBe(201);
    return created.body as { id: string; webhook_secret?: string };
  };

  const firingsOf = (alertId: string) =>
    bed.database.query<FiringRow>('SELECT * FROM alert_firings WHERE alert_id = $1 AND NOT test ORDER BY fired_at', [
      alertId,
    ]);

  const lastEnqueued = () => bed.enqueued.at(-1)!;

  it('notifies exactly once per firing on both channels, signed, even when the run is evaluated twice', async () => {
    const { scheduleId } = await bed.createSchedule({ name: 'Products below 10' });
    const alert = await createAlert({
      scheduleId,
      body: {
        name: 'Low stock',
        condition: { type: 'column', column: 'stock', operator: '<', value: 10 },
        webhook: { url: `${receiver.url}/hooks/low-stock?token=urlSecret123` },
        email: { to: ['ops@example.test'] },
      },
    });
    const run = await bed.insertRun({ scheduleId, result: lowStock(['a', 'b']) });
    const queuedBefore = bed.enqueued.length;
    await bed.evaluateRun({ scheduleId, run });
    await bed.evaluateRun({ scheduleId, run });
    expect(bed.enqueued).toHaveLength(queuedBefore + 1);
    const job = lastEnqueued();
    expect(job.startAfter).toBeUndefined();

    const requestsBefore = receiver.requests.length;
    const mailsBefore = smtp.messages.length;
    await bed.app.alerts.deliver({ firingId: job.firingId });
    // The queue may hand the same job over again: nothing is sent twice.
    await bed.app.alerts.deliver({ firingId: job.firingId });
    expect(receiver.requests).toHaveLength(requestsBefore + 1);
    const request = receiver.requests.at(-1)!;
    expect(request.url).toBe('/hooks/low-stock?token=urlSecret123');
    expect(request.headers['x-connectormcp-delivery']).toBe(job.firingId);
    expect(Number(request.headers['x-connectormcp-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(verifies(request, alert.webhook_secret!)).toBe(true);
    const payload = JSON.parse(request.body);
    expect(payload.text).toContain('Low stock');
    expect(payload.connectormcp).toMatchObject({
      alert: { id: alert.id, name: 'Low stock' },
      schedule: { id: scheduleId, name: 'Products below 10' },
      run: { id: run.id, status: 'ok', row_count: 2 },
      condition: { type: 'column', column: 'stock' },
      test: false,
    });

    const mails = await smtp.waitForMessages({ count: mailsBefore + 1 });
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)).toMatchObject({
      from: 'alerts@example.test',
      to: ['ops@example.test'],
      subject: '[ConnectorMCP] Low stock: Products below 10',
      user: 'alerts',
    });
    expect(mails.at(-1)!.text).toContain('2 rows where stock < 10');

    const [firing] = await firingsOf(alert.id);
    expect(firing).toMatchObject({ status: 'sent', run_id: run.id });
    expect(firing!.deliveries.map(({ channel, ok, status }) => ({ channel, ok, status }))).toEqual([
      { channel: 'webhook', ok: true, status: 200 },
      { channel: 'email', ok: true, status: 250 },
    ]);
    const listed = await bed.call({ method: 'GET', path: `/api/schedules/${scheduleId}/alerts` });
    expectContract(alertsResponseSchema, listed.body);
    expect(listed.body.alerts[0].last_firing).toMatchObject({ alert_id: alert.id, status: 'sent' });

    for (const secret of ['urlSecret123', alert.webhook_secret!, 'mail-Secret-42'])
      expect(bed.logLines.join('\n')).not.toContain(secret);
  });

  it('suppresses a second firing with the same fingerprint, and notifies when the values change', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: {
        name: 'Any low stock',
        condition: { type: 'column', column: 'stock', operator: '<', value: 10 },
        webhook: { url: `${receiver.url}/dedup` },
      },
    });
    const queued = bed.enqueued.length;
    const first = await bed.insertRun({ scheduleId, result: lowStock(['a']) });
    await bed.evaluateRun({ scheduleId, run: first });
    await bed.app.alerts.deliver({ firingId: lastEnqueued().firingId });
    const second = await bed.insertRun({ scheduleId, result: lowStock(['a']) });
    await bed.evaluateRun({ scheduleId, run: second, previous: first });
    expect(bed.enqueued).toHaveLength(queued + 1);
    const third = await bed.insertRun({ scheduleId, result: tableResult(['sku', 'stock'], [['a', 2]]) });
    await bed.evaluateRun({ scheduleId, run: third, previous: second });
    expect(bed.enqueued).toHaveLength(queued + 2);
    expect((await firingsOf(alert.id)).map((firing) => firing.status)).toEqual(['sent', 'suppressed', 'pending']);

    // Firings older than the runs' retention go with the next evaluation.
    await bed.database.query(
      `UPDATE alert_firings SET fired_at = now() - interval '400 days' WHERE alert_id = $1 AND status = 'suppressed'`,
      [alert.id],
    );
    await bed.evaluateRun({ scheduleId, run: await bed.insertRun({ scheduleId, result: null }) });
    expect((await firingsOf(alert.id)).map((firing) => firing.status)).toEqual(['sent', 'pending']);
  });

  it('defers a firing in quiet hours to their end; a newer deferred firing supersedes it', async () => {
    const { scheduleId } = await bed.createSchedule();
    const now = new Date();
    const start = new Date(now.getTime() - 60 * 60_000);
    const end = new Date(now.getTime() + 2 * 60 * 60_000);
    const alert = await createAlert({
      scheduleId,
      body: {
        name: 'Quiet',
        condition: { type: 'row_count', operator: '>=', value: 1 },
        webhook: { url: `${receiver.url}/quiet` },
        quiet_hours: { start: clock(start), end: clock(end), timezone: 'UTC' },
      },
    });
    const first = await bed.insertRun({ scheduleId, result: lowStock(['a']) });
    await bed.evaluateRun({ scheduleId, run: first });
    const deferred = lastEnqueued();
    const expectedEnd = new Date(end);
    expectedEnd.setUTCSeconds(0, 0);
    expect(deferred.startAfter?.toISOString()).toBe(expectedEnd.toISOString());
    const second = await bed.insertRun({ scheduleId, result: lowStock(['a', 'b']) });
    await bed.evaluateRun({ scheduleId, run: second, previous: first });
    const newer = lastEnqueued();
    expect(newer.firingId).not.toBe(deferred.firingId);
    expect((await firingsOf(alert.id)).map((firing) => firing.status)).toEqual(['deferred', 'deferred']);

    const requestsBefore = receiver.requests.length;
    await bed.app.alerts.deliver({ firingId: deferred.firingId });
    await bed.app.alerts.deliver({ firingId: newer.firingId });
    expect(receiver.requests).toHaveLength(requestsBefore + 1);
    expect(receiver.requests.at(-1)!.headers['x-connectormcp-delivery']).toBe(newer.firingId);
    expect((await firingsOf(alert.id)).map((firing) => firing.status)).toEqual(['suppressed', 'sent']);

    // Turned off while a notification waits: it does not go out at the end of the quiet hours.
    const third = await bed.insertRun({ scheduleId, result: lowStock(['a', 'b', 'c']) });
    await bed.evaluateRun({ scheduleId, run: third, previous: second });
    const waiting = lastEnqueued();
    await bed.call({
      method: 'PATCH',
      path: `/api/schedules/${scheduleId}/alerts/${alert.id}`,
      body: { enabled: false },
    });
    await bed.app.alerts.deliver({ firingId: waiting.firingId });
    expect(receiver.requests).toHaveLength(requestsBefore + 1);
    expect((await firingsOf(alert.id)).at(-1)!.status).toBe('suppressed');
  });

  it('throws for a retry on a 500, then succeeds; a 404 fails at once without a retry', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: { name: 'Retry', condition: { type: 'failed' }, webhook: { url: `${receiver.url}/flaky` } },
    });
    const run = await bed.insertRun({
      scheduleId,
      status: 'error',
      error: { code: 'datasource_unavailable', message: 'The shop database is down.' },
    });
    await bed.evaluateRun({ scheduleId, run });
    const { firingId } = lastEnqueued();
    const requestsBefore = receiver.requests.length;
    receiver.respond({ status: 500, body: 'try later' });
    await expect(bed.app.alerts.deliver({ firingId })).rejects.toThrow(/answered 500/);
    let [firing] = await firingsOf(alert.id);
    expect(firing).toMatchObject({ status: 'pending', deliveries: [{ channel: 'webhook', ok: false, status: 500 }] });
    receiver.respond({ status: 204 });
    await bed.app.alerts.deliver({ firingId });
    [firing] = await firingsOf(alert.id);
    expect(firing!.status).toBe('sent');
    expect(firing!.deliveries.map(({ status, attempt }) => [status, attempt])).toEqual([
      [500, 1],
      [204, 2],
    ]);
    const attempts = receiver.requests.slice(requestsBefore);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((request) => request.headers['x-connectormcp-delivery']))).toEqual(new Set([firingId]));
    expect(JSON.parse(attempts[1]!.body).text).toContain('The shop database is down.');

    const gone = await bed.insertRun({ scheduleId, status: 'error', error: { code: 'timeout', message: 'Too slow.' } });
    await bed.evaluateRun({ scheduleId, run: gone, previous: run });
    receiver.respond({ status: 404 });
    const countBefore = receiver.requests.length;
    await expect(bed.app.alerts.deliver({ firingId: lastEnqueued().firingId })).resolves.toBeUndefined();
    expect(receiver.requests).toHaveLength(countBefore + 1);
    expect((await firingsOf(alert.id)).at(-1)).toMatchObject({
      status: 'failed',
      deliveries: [{ status: 404, error: expect.stringContaining('answered 404') }],
    });
  });

  it('marks a firing failed after the last retry', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: {
        name: 'Always down',
        condition: { type: 'row_count', operator: '>', value: 0 },
        webhook: { url: `${receiver.url}/down` },
      },
    });
    await bed.evaluateRun({ scheduleId, run: await bed.insertRun({ scheduleId, result: lowStock(['z']) }) });
    const { firingId } = lastEnqueued();
    receiver.respond({ status: 503 });
    // retryLimit 2: three attempts in all, the last one records the failure instead of throwing.
    await expect(bed.app.alerts.deliver({ firingId })).rejects.toThrow();
    await expect(bed.app.alerts.deliver({ firingId })).rejects.toThrow();
    await expect(bed.app.alerts.deliver({ firingId })).resolves.toBeUndefined();
    const [firing] = await firingsOf(alert.id);
    expect(firing!.status).toBe('failed');
    expect(firing!.deliveries).toHaveLength(3);
  });

  it('does not follow redirects', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: { name: 'Redirected', condition: { type: 'failed' }, webhook: { url: `${receiver.url}/moved` } },
    });
    await bed.evaluateRun({
      scheduleId,
      run: await bed.insertRun({ scheduleId, status: 'error', error: { code: 'x', message: 'x' } }),
    });
    receiver.respond((request) =>
      request.url === '/moved' ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 },
    );
    await bed.app.alerts.deliver({ firingId: lastEnqueued().firingId });
    expect(receiver.requests.some((request) => request.url === '/elsewhere')).toBe(false);
    expect((await firingsOf(alert.id))[0]).toMatchObject({
      status: 'failed',
      deliveries: [{ status: 302, error: expect.stringContaining('redirects are not followed') }],
    });
  });

  it('retries an email the SMTP server turns away for now (451), then sends it', async () => {
    const { scheduleId } = await bed.createSchedule({ name: 'Nightly orders' });
    const alert = await createAlert({
      scheduleId,
      body: { name: 'Mail only', condition: { type: 'failed' }, email: { to: ['night@example.test'] } },
    });
    await bed.evaluateRun({
      scheduleId,
      run: await bed.insertRun({ scheduleId, status: 'error', error: { code: 'x', message: 'Broken.' } }),
    });
    const { firingId } = lastEnqueued();
    const mailsBefore = smtp.messages.length;
    smtp.failWith({ code: 451, message: 'Try again later' });
    await expect(bed.app.alerts.deliver({ firingId })).rejects.toThrow(/email/);
    smtp.failWith(null);
    await bed.app.alerts.deliver({ firingId });
    expect(smtp.messages).toHaveLength(mailsBefore + 1);
    expect(smtp.messages.at(-1)!.subject).toBe('[ConnectorMCP] Mail only: Nightly orders');
    const [firing] = await firingsOf(alert.id);
    expect(firing!.deliveries.map(({ ok, status }) => [ok, status])).toEqual([
      [false, 451],
      [true, 250],
    ]);
    expect(JSON.stringify(firing!.deliveries)).not.toContain('mail-Secret-42');
  });

  it('takes a firing back when its notification cannot be queued, so a retried evaluation fires it', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: { name: 'Queue down', condition: { type: 'failed' }, webhook: { url: `${receiver.url}/q` } },
    });
    const run = await bed.insertRun({ scheduleId, status: 'error', error: { code: 'x', message: 'x' } });
    const enqueue = bed.app.scheduler.enqueueDelivery;
    bed.app.scheduler.enqueueDelivery = async () => {
      throw new Error('the queue is not reachable');
    };
    try {
      await expect(bed.evaluateRun({ scheduleId, run })).rejects.toThrow('the queue is not reachable');
    } finally {
      bed.app.scheduler.enqueueDelivery = enqueue;
    }
    expect(await firingsOf(alert.id)).toEqual([]);
    await bed.evaluateRun({ scheduleId, run });
    expect(await firingsOf(alert.id)).toMatchObject([{ status: 'pending', run_id: run.id }]);
    expect(lastEnqueued().firingId).toBe((await firingsOf(alert.id))[0]!.id);
  });

  it('fires on changed only against a previous run with differences', async () => {
    const { scheduleId } = await bed.createSchedule();
    const alert = await createAlert({
      scheduleId,
      body: { name: 'Changed', condition: { type: 'changed' }, webhook: { url: `${receiver.url}/changed` } },
    });
    const diff: RunDiff = {
      added: 1,
      removed: 0,
      changed: 0,
      key: 'sku',
      columns: ['sku', 'stock'],
      added_rows: [['b', 3]],
      removed_rows: [],
      changed_rows: [],
      truncated: false,
    };
    const first = await bed.insertRun({ scheduleId, result: lowStock(['a']) });
    await bed.evaluateRun({ scheduleId, run: first });
    const second = await bed.insertRun({ scheduleId, result: lowStock(['a', 'b']), diff });
    await bed.evaluateRun({ scheduleId, run: second, previous: first });
    const firings = await firingsOf(alert.id);
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ run_id: second.id, message: expect.stringContaining('1 added') });
  });
});

describe('alert delivery without SMTP, private networks refused', () => {
  let bed: AlertsTestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    bed = await startAlertsTestApp();
  });

  afterAll(async () => {
    await bed?.stop();
    await receiver?.stop();
  });

  it('records a failed email delivery when SMTP_URL is gone at send time', async () => {
    const { scheduleId } = await bed.createSchedule();
    // Created while SMTP_URL was set (the API now refuses new email alerts).
    await bed.database.query(
      `INSERT INTO alert_rules (id, schedule_id, name, condition, email_to) VALUES ('mail-alert', $1, 'Mail', '{"type":"failed"}', '["ops@example.test"]')`,
      [scheduleId],
    );
    await bed.evaluateRun({
      scheduleId,
      run: await bed.insertRun({ scheduleId, status: 'error', error: { code: 'x', message: 'Broken.' } }),
    });
    await bed.app.alerts.deliver({ firingId: bed.enqueued.at(-1)!.firingId });
    const [firing] = await bed.database.query<FiringRow>(`SELECT * FROM alert_firings WHERE alert_id = 'mail-alert'`);
    expect(firing).toMatchObject({
      status: 'failed',
      deliveries: [{ channel: 'email', ok: false, status: null, error: expect.stringContaining('SMTP_URL') }],
    });
  });

  it('refuses to send to a loopback receiver at delivery time, with no request made', async () => {
    const before = receiver.requests.length;
    const outcome = await deliverWebhook({
      url: `${receiver.url}/internal?key=hidden`,
      secret: 'secret-secret-secret',
      body: '{}',
      deliveryId: 'd1',
      allowPrivateNetworks: false,
    });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('https') });
    const plainHttps = await deliverWebhook({
      url: `https://127.0.0.1:${receiver.port}/internal?key=hidden`,
      secret: 'secret-secret-secret',
      body: '{}',
      deliveryId: 'd2',
      allowPrivateNetworks: false,
    });
    expect(plainHttps).toMatchObject({ ok: false, retryable: false });
    expect(plainHttps.error).toMatch(/127\.0\.0\.1 is a private, loopback or link-local address/);
    expect(plainHttps.error).not.toContain('hidden');
    expect(receiver.requests).toHaveLength(before);
  });

  it('connects to the address it checked, resolving the name once (no second DNS answer is used)', async () => {
    const asked: string[] = [];
    const outcome = await deliverWebhook({
      url: `http://rebinding.example.test:${receiver.port}/pinned`,
      secret: 'secret-secret-secret',
      body: '{"pinned":true}',
      deliveryId: 'd4',
      allowPrivateNetworks: true,
      // The name exists only in this answer: a connection that asked the system's DNS again would fail.
      lookup: async (hostname) => {
        asked.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(asked).toEqual(['rebinding.example.test']);
    expect(receiver.requests.at(-1)).toMatchObject({
      url: '/pinned',
      headers: { host: `rebinding.example.test:${receiver.port}` },
    });
  });

  it('gives up on a receiver that never answers, as a retryable failure', async () => {
    receiver.respond('hang');
    const started = Date.now();
    const outcome = await deliverWebhook({
      url: `${receiver.url}/slow`,
      secret: 'secret-secret-secret',
      body: '{}',
      deliveryId: 'd3',
      allowPrivateNetworks: true,
      timeoutMs: 500,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome).toEqual({
      channel: 'webhook',
      ok: false,
      status: null,
      error: 'No answer from 127.0.0.1 within 500 ms.',
      retryable: true,
    });
  });
});

describe('alert delivery through the job queue', () => {
  let bed: AlertsTestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    bed = await startAlertsTestApp({
      realQueue: true,
      schedules: { webhookAllowPrivateNetworks: true, retryLimit: 2, retryDelaySeconds: 1 },
    });
  });

  afterAll(async () => {
    await bed?.stop();
    await receiver?.stop();
  });

  it('delivers a firing once, retrying after a 500 with the same delivery id', async () => {
    const { scheduleId } = await bed.createSchedule();
    const created = await bed.call({
      method: 'POST',
      path: `/api/schedules/${scheduleId}/alerts`,
      body: { name: 'Queued', condition: { type: 'failed' }, webhook: { url: `${receiver.url}/queued` } },
    });
    let answered = 0;
    receiver.respond(() => (answered++ === 0 ? { status: 500 } : { status: 200 }));
    const run = await bed.insertRun({ scheduleId, status: 'error', error: { code: 'x', message: 'Down.' } });
    await bed.evaluateRun({ scheduleId, run });
    await bed.evaluateRun({ scheduleId, run });
    const requests = await receiver.waitForRequests({ count: 2, timeoutMs: 30_000 });
    expect(requests.map((request) => request.headers['x-connectormcp-delivery'])).toEqual([
      bed.enqueued[0]!.firingId,
      bed.enqueued[0]!.firingId,
    ]);
    await waitForStatus({ bed, alertId: created.body.id, status: 'sent' });
    // Nothing more comes: the second evaluation queued nothing, the success ended the retries.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(receiver.requests).toHaveLength(2);
  });
});

async function waitForStatus({ bed, alertId, status }: { bed: AlertsTestApp; alertId: string; status: string }) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await bed.database.query<{ status: string }>('SELECT status FROM alert_firings WHERE alert_id = $1', [
      alertId,
    ]);
    if (row?.status === status) return;
    if (Date.now() > deadline) throw new Error(`the firing is ${row?.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
