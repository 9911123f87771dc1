import { createHmac } from 'node:crypto';
import { startSmtpServer, startWebhookReceiver, type SmtpServer, type WebhookReceiver } from '@connectormcp/services';
import { alertsResponseSchema, alertTestResponseSchema, savedAlertResponseSchema } from '../src/contracts/index.js';
import { reencryptSecrets } from '../src/datasources/reencrypt-secrets.js';
import { createSecretBox } from '../src/datasources/secret-box.js';
import { newSecretKey } from './datasource-test-app.js';
import { expectContract } from './expect-contract.js';
import { startAlertsTestApp, testKeys, type AlertsTestApp } from './start-alerts-test-app.js';

const secretPath = '/services/T0001/B0002/pathSecretXYZ';
const secretQuery = '?token=querySecretABC';

const webhookAlert = (url: string, extra: Record<string, unknown> = {}) => ({
  name: 'Stock low',
  condition: { type: 'row_count', operator: '>', value: 0 },
  webhook: { url },
  ...extra,
});

const verifies = ({ body, headers }: { body: string; headers: Record<string, unknown> }, secret: string) =>
  headers['x-connectormcp-signature'] ===
  `v1=${createHmac('sha256', secret)
    .update(`${String(headers['x-connectormcp-timestamp'])}.${body}`)
    .digest('hex')}`;

describe('alerts API (API keys, private networks allowed, SMTP with a login)', () => {
  let bed: AlertsTestApp;
  let receiver: WebhookReceiver;
  let smtp: SmtpServer;
  let scheduleId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    smtp = await startSmtpServer({ auth: { user: 'mailer', password: 'smtpPassw0rd!' } });
    bed = await startAlertsTestApp({
      schedules: {
        webhookAllowPrivateNetworks: true,
        smtp: { url: smtp.url, from: 'ConnectorMCP <alerts@example.test>' },
      },
    });
    ({ scheduleId } = await bed.createSchedule({ name: 'Products below 10' }));
  });

  afterAll(async () => {
    await bed?.stop();
    await receiver?.stop();
    await smtp?.stop();
  });

  const alertsPath = () => `/api/schedules/${scheduleId}/alerts`;

  it('creates a webhook alert, shows its generated secret once and its URL only as a hint', async () => {
    const url = `${receiver.url}${secretPath}${secretQuery}`;
    const created = await bed.call({ method: 'POST', path: alertsPath(), body: webhookAlert(url) });
    expect(created.status).toBe(201);
    expectContract(savedAlertResponseSchema, created.body);
    expect(created.body).toMatchObject({
      schedule_id: scheduleId,
      name: 'Stock low',
      webhook: { url_hint: `${receiver.url}/…`, has_secret: true },
      email: null,
      enabled: true,
      last_firing: null,
    });
    expect(created.body.webhook_secret).toMatch(/^[\w-]{40,}$/);
    expect(created.text).not.toContain('pathSecretXYZ');
    expect(created.text).not.toContain('querySecretABC');

    const listed = await bed.call({ method: 'GET', path: alertsPath() });
    expect(listed.status).toBe(200);
    expectContract(alertsResponseSchema, listed.body);
    expect(listed.body.alerts).toHaveLength(1);
    expect(listed.text).not.toContain(created.body.webhook_secret);
    expect(listed.text).not.toContain('pathSecretXYZ');
    expect(listed.body.alerts[0]).not.toHaveProperty('webhook_secret');

    // At rest: ciphertexts of the secret box, neither the URL nor the secret in clear.
    const [row] = await bed.database.query<{ webhook_url: string; webhook_secret: string }>(
      'SELECT webhook_url, webhook_secret FROM alert_rules WHERE id = $1',
      [created.body.id],
    );
    expect(row!.webhook_url).toMatch(/^v1\./);
    expect(row!.webhook_url).not.toContain('pathSecretXYZ');
    expect(row!.webhook_secret).not.toContain(created.body.webhook_secret);
  });

  it('keeps a given secret, and the stored one when the URL keeps its origin; a new origin gets a new one', async () => {
    const given = 'a-secret-of-my-own-0123456789';
    const created = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(`${receiver.url}/first`, { webhook: { url: `${receiver.url}/first`, secret: given } }),
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('webhook_secret');
    const alertPath = `${alertsPath()}/${created.body.id}`;

    const samOrigin = await bed.call({
      method: 'PATCH',
      path: alertPath,
      body: { webhook: { url: `${receiver.url}/second` } },
    });
    expect(samOrigin.status).toBe(200);
    expect(samOrigin.body).not.toHaveProperty('webhook_secret');
    const tested = await bed.call({ method: 'POST', path: `${alertPath}/test` });
    expect(tested.body.deliveries).toEqual([{ channel: 'webhook', ok: true, status: 200, error: null }]);
    const received = receiver.requests.at(-1)!;
    expect(received.url).toBe('/second');
    expect(verifies(received as never, given)).toBe(true);

    const otherOrigin = await bed.call({
      method: 'PATCH',
      path: alertPath,
      body: { webhook: { url: `http://localhost:${receiver.port}/third` } },
    });
    expect(otherOrigin.body.webhook_secret).toEqual(expect.any(String));
    expect(otherOrigin.body.webhook_secret).not.toBe(given);

    const renamed = await bed.call({ method: 'PATCH', path: alertPath, body: { name: 'Renamed', enabled: false } });
    expect(renamed.body).toMatchObject({ name: 'Renamed', enabled: false });
    expect(renamed.body).not.toHaveProperty('webhook_secret');

    const noChannel = await bed.call({ method: 'PATCH', path: alertPath, body: { webhook: null } });
    expect(noChannel.status).toBe(400);

    expect((await bed.call({ method: 'DELETE', path: alertPath })).status).toBe(204);
    expect((await bed.call({ method: 'PATCH', path: alertPath, body: { name: 'x' } })).status).toBe(404);
  });

  it('"Send test" sends now on every channel: a signed webhook and an email through the SMTP login', async () => {
    const created = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(`${receiver.url}/hook`, {
        name: 'Both channels',
        email: { to: ['ops@example.test', 'lead@example.test'] },
        quiet_hours: { start: '00:00', end: '23:59', timezone: 'Europe/Paris' },
      }),
    });
    expect(created.status).toBe(201);
    const before = receiver.requests.length;
    const mailsBefore = smtp.messages.length;
    const tested = await bed.call({ method: 'POST', path: `${alertsPath()}/${created.body.id}/test` });
    expect(tested.status).toBe(200);
    expectContract(alertTestResponseSchema, tested.body);
    expect(tested.body).toEqual({
      deliveries: [
        { channel: 'webhook', ok: true, status: 200, error: null },
        { channel: 'email', ok: true, status: 250, error: null },
      ],
    });
    // Quiet hours do not hold a test back.
    expect(receiver.requests).toHaveLength(before + 1);
    const request = receiver.requests.at(-1)!;
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'ConnectorMCP-Alerts',
      'x-connectormcp-delivery': expect.any(String),
    });
    expect(verifies(request as never, created.body.webhook_secret)).toBe(true);
    const payload = JSON.parse(request.body);
    expect(payload.text).toContain('Both channels');
    expect(payload.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(payload.connectormcp).toMatchObject({
      alert: { id: created.body.id, name: 'Both channels' },
      schedule: { id: scheduleId, name: 'Products below 10' },
      run: null,
      test: true,
      condition: { type: 'row_count' },
    });

    const [mail] = (await smtp.waitForMessages({ count: mailsBefore + 1 })).slice(mailsBefore);
    expect(mail).toMatchObject({
      from: 'alerts@example.test',
      to: ['ops@example.test', 'lead@example.test'],
      subject: '[ConnectorMCP] Both channels: Products below 10 (test)',
      user: 'mailer',
    });
    expect(mail!.text).toContain('This is a test notification.');

    // A test is not the alert's last firing.
    const listed = await bed.call({ method: 'GET', path: alertsPath() });
    expect(listed.body.alerts.find((alert: { id: string }) => alert.id === created.body.id).last_firing).toBeNull();
  });

  it('reports a receiver error in the test answer without the URL path or query', async () => {
    const created = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(`${receiver.url}${secretPath}${secretQuery}`, { name: 'Broken receiver' }),
    });
    receiver.respond({ status: 500, body: 'boom' });
    try {
      const tested = await bed.call({ method: 'POST', path: `${alertsPath()}/${created.body.id}/test` });
      expect(tested.body.deliveries).toEqual([
        { channel: 'webhook', ok: false, status: 500, error: expect.stringContaining('answered 500') },
      ]);
      expect(tested.text).not.toContain('pathSecretXYZ');
      expect(tested.text).not.toContain('querySecretABC');
    } finally {
      receiver.respond({ status: 200 });
    }
  });

  it('validates quiet hours and needs a channel', async () => {
    const badZone = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(`${receiver.url}/x`, { quiet_hours: { start: '22:00', end: '07:00', timezone: 'Mars/Base' } }),
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.code).toBe('invalid_timezone');
    const none = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: { name: 'Nothing', condition: { type: 'failed' } },
    });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('invalid_request');
  });

  it('allows at most 20 alerts on one schedule', async () => {
    const { scheduleId: crowded } = await bed.createSchedule({ name: 'Crowded' });
    const path = `/api/schedules/${crowded}/alerts`;
    for (let index = 0; index < 20; index++) {
      const created = await bed.call({ method: 'POST', path, body: webhookAlert(`${receiver.url}/hook${index}`) });
      expect(created.status).toBe(201);
    }
    const refused = await bed.call({ method: 'POST', path, body: webhookAlert(`${receiver.url}/hook20`) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'too_many_alerts',
      message: expect.stringContaining('20 alerts'),
    });
    expect((await bed.call({ method: 'GET', path })).body.alerts).toHaveLength(20);
  });

  it("keeps alice's alerts from bob: every route answers 404 as for an unknown schedule", async () => {
    const created = await bed.call({ method: 'POST', path: alertsPath(), body: webhookAlert(`${receiver.url}/a`) });
    const alertPath = `${alertsPath()}/${created.body.id}`;
    const bob = testKeys.bob;
    const answers = await Promise.all([
      bed.call({ method: 'GET', path: alertsPath(), key: bob }),
      bed.call({ method: 'POST', path: alertsPath(), body: webhookAlert(`${receiver.url}/b`), key: bob }),
      bed.call({ method: 'PATCH', path: alertPath, body: { name: 'mine now' }, key: bob }),
      bed.call({ method: 'DELETE', path: alertPath, key: bob }),
      bed.call({ method: 'POST', path: `${alertPath}/test`, key: bob }),
      bed.call({ method: 'GET', path: '/api/schedules/no-such-schedule/alerts' }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    const still = await bed.call({ method: 'GET', path: alertsPath() });
    expect(still.body.alerts.map((alert: { id: string }) => alert.id)).toContain(created.body.id);
    const { scheduleId: bobs } = await bed.createSchedule({ key: bob, name: "Bob's" });
    const bobList = await bed.call({ method: 'GET', path: `/api/schedules/${bobs}/alerts`, key: bob });
    expect(bobList.body.alerts).toEqual([]);
  });

  it('re-encrypts webhook URLs and secrets when the secret key rotates', async () => {
    const url = `${receiver.url}/rotated?token=rotationSecret`;
    const created = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(url, { name: 'Rotated' }),
    });
    const nextKey = newSecretKey();
    const counts = await reencryptSecrets({
      database: bed.database,
      secretBox: createSecretBox({ keys: { current: nextKey, previous: [bed.secretKey] }, allowGenerated: false }),
    });
    expect(counts.alertWebhooks).toBeGreaterThanOrEqual(1);
    const onlyNewKey = createSecretBox({ keys: { current: nextKey, previous: [] }, allowGenerated: false });
    const [row] = await bed.database.query<{ webhook_url: string; webhook_secret: string }>(
      'SELECT webhook_url, webhook_secret FROM alert_rules WHERE id = $1',
      [created.body.id],
    );
    expect(onlyNewKey.decrypt(row!.webhook_url)).toBe(url);
    expect(onlyNewKey.decrypt(row!.webhook_secret)).toBe(created.body.webhook_secret);
  });

  it('audits creating, changing, testing and deleting, and logs no secret', async () => {
    const created = await bed.call({
      method: 'POST',
      path: alertsPath(),
      body: webhookAlert(`${receiver.url}${secretPath}${secretQuery}`, {
        name: 'Audited',
        email: { to: ['ops@example.test'] },
      }),
    });
    const alertPath = `${alertsPath()}/${created.body.id}`;
    await bed.call({ method: 'PATCH', path: alertPath, body: { name: 'Audited again' } });
    await bed.call({ method: 'POST', path: `${alertPath}/test` });
    await bed.call({ method: 'DELETE', path: alertPath });
    const entries = await bed.database.query<{ action: string; status: string; detail: Record<string, unknown> }>(
      `SELECT action, status, detail FROM audit_log WHERE detail->>'alert_id' = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'alert_create',
      'alert_update',
      'alert_test',
      'alert_delete',
    ]);
    expect(entries[0]!.detail).toMatchObject({ schedule_id: scheduleId, channels: ['webhook', 'email'] });
    const everything = [JSON.stringify(entries), ...bed.logLines].join('\n');
    expect(bed.logLines.length).toBeGreaterThan(0);
    for (const secret of ['pathSecretXYZ', 'querySecretABC', created.body.webhook_secret, 'smtpPassw0rd!', smtp.url])
      expect(everything).not.toContain(secret);
  });
});

describe('alerts API (API keys, private networks refused, no SMTP)', () => {
  let bed: AlertsTestApp;
  let scheduleId: string;

  beforeAll(async () => {
    bed = await startAlertsTestApp();
    ({ scheduleId } = await bed.createSchedule());
  });

  afterAll(async () => {
    await bed?.stop();
  });

  it('refuses an email alert without SMTP_URL', async () => {
    const answer = await bed.call({
      method: 'POST',
      path: `/api/schedules/${scheduleId}/alerts`,
      body: { name: 'Mail me', condition: { type: 'failed' }, email: { to: ['ops@example.test'] } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('email_not_configured');
  });

  it.each([
    'https://127.0.0.1',
    'https://[::1]',
    'https://169.254.169.254',
    'https://10.20.30.40',
    'https://[::ffff:127.0.0.1]',
    'https://0.0.0.0',
    'https://2130706433',
    'https://0177.0.0.1',
    'https://localhost:9443',
    'https://[fd00:ec2::254]',
  ])('refuses the webhook address %s, naming the problem without the path or query', async (origin) => {
    const answer = await bed.call({
      method: 'POST',
      path: `/api/schedules/${scheduleId}/alerts`,
      body: webhookAlert(`${origin}${secretPath}${secretQuery}`),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('webhook_address_refused');
    expect(answer.body.error.message).toMatch(/private, loopback or link-local/);
    expect(answer.text).not.toContain('pathSecretXYZ');
    expect(answer.text).not.toContain('querySecretABC');
  });

  it('wants https when private networks are refused', async () => {
    const answer = await bed.call({
      method: 'POST',
      path: `/api/schedules/${scheduleId}/alerts`,
      body: webhookAlert(`http://hooks.example.test${secretPath}`),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_webhook_url');
    expect(answer.text).not.toContain('pathSecretXYZ');
  });
});
