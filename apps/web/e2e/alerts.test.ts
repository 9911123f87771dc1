/**
 * @jest-environment node
 */
import { createHmac } from 'node:crypto';
import { startWebhookReceiver, type WebhookReceiver } from '@connectormcp/services';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-violations.js';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const sql = 'SELECT id, title, stock FROM products WHERE stock < 1000 ORDER BY id LIMIT 5';

/**
 * From the chat to an alert, in Chromium over the built API (local mode, so a loopback webhook is allowed):
 * a read-only tool card is scheduled from its "Schedule" button and leads to the Schedules view; the
 * schedule gets an alert whose webhook is a loopback receiver; its generated secret is shown once; "Send
 * test" reaches the receiver once, signed with that secret; email without SMTP_URL is refused beside the
 * recipients; a question is saved from the chat.
 */
describe('saving, scheduling and alerting from the browser over the real API', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;
  let receiver: WebhookReceiver | undefined;

  const main = () => page.locator('main');
  const screenshot = (name: string) => page.screenshot({ path: screenshotPath(`alerts-${name}.png`), fullPage: true });
  const openView = (name: string) =>
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  const api = async (path: string) => {
    const response = await fetch(`${app.url}${path}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const send = async (message: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(message);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    opened = await openE2ePage({ timeoutMs: 30_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
  }, 240_000);

  afterAll(async () => {
    await coverage?.collect();
    await opened?.stop();
    await receiver?.stop();
  });

  it('schedules a read-only tool card from the chat and leads to the Schedules view', async () => {
    app.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql } }] },
      { content: [{ type: 'text', text: 'Here are the products and their stock.' }] },
    );
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: /Shop database/ }).waitFor();
    await send('How much stock do the first products have?');
    await page.getByText('Here are the products and their stock.').waitFor();
    const card = page.getByRole('article', { name: /Tool call execute_query/ });
    await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    await card.getByRole('button', { name: 'Schedule', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Save tool call' });
    await dialog.waitFor();
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
    await name.fill('Stock of the first products');
    await dialog.getByRole('button', { name: 'Save and choose when' }).click();
    const when = page.getByRole('dialog', { name: 'Schedule “Stock of the first products”' });
    await when.waitFor();
    await when.getByRole('radio', { name: 'Every hour' }).check();
    expect(await when.getByRole('textbox', { name: 'When (cron)' }).inputValue()).toBe('0 * * * *');
    expect(await axeViolations({ page })).toEqual([]);
    await screenshot('schedule-dialog');
    await when.getByRole('button', { name: 'Create schedule' }).click();
    const done = page.getByRole('dialog', { name: 'Scheduled' });
    await done.getByText(/Next run:/).waitFor();
    await done.getByRole('button', { name: 'Open in Schedules' }).click();
    // The new schedule opens at once; its list is a step back.
    await main().getByRole('heading', { name: 'Stock of the first products', level: 2 }).waitFor();
    await main().getByRole('button', { name: 'All schedules' }).click();

    const table = main().getByRole('table', { name: 'Your schedules' });
    await table.waitFor();
    expect(await table.getByTestId('schedule-row').textContent()).toContain('Stock of the first products');
    const saved = (await api('/api/saved')).saved as Array<Record<string, unknown>>;
    expect(saved).toEqual([
      expect.objectContaining({
        kind: 'tool_call',
        name: 'Stock of the first products',
        datasource: 'shop',
        tool: 'execute_query',
        arguments: { sql },
        schedules: 1,
      }),
    ]);
  });

  it('adds an alert with a loopback webhook, shows its secret once, and a test reaches the receiver signed', async () => {
    await main().getByRole('button', { name: 'Stock of the first products', exact: true }).click();
    await main().getByRole('heading', { name: 'Stock of the first products', level: 2 }).waitFor();
    await main().getByRole('button', { name: 'Add alert' }).click();
    const form = main().getByRole('form', { name: 'New alert' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Any products');
    await form.getByRole('textbox', { name: 'Value' }).fill('0');
    await form.getByRole('textbox', { name: 'Webhook URL' }).fill(`${receiver!.url}/hook`);
    await form.getByRole('button', { name: 'Create alert' }).click();

    const secretField = main().getByRole('textbox', { name: 'Webhook signing secret' });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await secretField.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await axeViolations({ page })).toEqual([]);
    await screenshot('webhook-secret');
    await main().getByRole('button', { name: 'Done' }).click();
    await secretField.waitFor({ state: 'detached' });

    const alert = main().getByRole('listitem', { name: 'Any products' });
    const text = await alert.textContent();
    expect(text).toContain('The row count is more than 0');
    expect(text).toContain(`Webhook http://127.0.0.1:${receiver!.port}/…`);
    expect(text).toContain('Not fired yet');
    await alert.getByRole('button', { name: 'Send test of Any products' }).click();
    await alert.getByRole('list', { name: 'Test results' }).getByText('Webhook: sent (HTTP 200)').waitFor();

    const [request] = await receiver!.waitForRequests({ count: 1 });
    const timestamp = String(request!.headers['x-connectormcp-timestamp']);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${request!.body}`).digest('hex');
    expect(request!.headers['x-connectormcp-signature']).toBe(`v1=${expected}`);
    expect(JSON.parse(request!.body)).toMatchObject({ connectormcp: { test: true } });
    expect(receiver!.requests).toHaveLength(1);
    await screenshot('test-sent');
  });

  it('refuses email without an SMTP server, beside the recipients', async () => {
    const alert = main().getByRole('listitem', { name: 'Any products' });
    await alert.getByRole('button', { name: 'Edit Any products' }).click();
    const form = main().getByRole('form', { name: 'Edit “Any products”' });
    await form.getByRole('checkbox', { name: 'Email' }).check();
    const recipients = form.getByRole('textbox', { name: 'Recipients' });
    await recipients.fill('ops@example.com');
    await form.getByRole('button', { name: 'Save alert' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') === document.activeElement);
    const description = await recipients.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('SMTP_URL');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves a question asked in the chat', async () => {
    app.fake.script({ content: [{ type: 'text', text: 'Nothing is low today.' }] });
    await openView('Chat');
    await page.getByRole('checkbox', { name: /Shop database/ }).waitFor();
    // Send is clicked (it waits until the chat is ready) rather than Enter pressed while the composer may remount.
    await page.getByRole('textbox', { name: 'Message' }).fill('Which products are below 10 in stock?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Nothing is low today.').waitFor();
    await page.getByRole('button', { name: 'Save question' }).last().click();
    const dialog = page.getByRole('dialog', { name: 'Save question' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const done = page.getByRole('dialog', { name: 'Saved' });
    await done.getByText('Saved as “Which products are below 10 in stock?”.', { exact: false }).waitFor();
    await done.getByRole('button', { name: 'Close' }).click();
    await done.waitFor({ state: 'detached' });
    const saved = (await api('/api/saved')).saved as Array<Record<string, unknown>>;
    expect(saved[0]).toMatchObject({
      kind: 'question',
      question: 'Which products are below 10 in stock?',
      datasources: expect.arrayContaining(['shop']),
    });
  });
});
