/**
 * @jest-environment node
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const question = 'Which three products cost the most?';
const sql = 'SELECT title, price FROM products ORDER BY price DESC LIMIT 3';

/**
 * The admin Audit page in Chromium over the built API (local mode: an admin): a chat's question and tool
 * run and an admin's datasource changes are listed with who, what and the arguments; filters narrow it,
 * the CSV export downloads with its header row, and the retention setting is saved.
 */
describe('the audit view in Chromium over the real API', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;
  let password: string;

  const main = () => page.locator('main');
  const screenshot = (name: string) =>
    page.screenshot({ path: screenshotPath(`audit-view-${name}.png`), fullPage: true });
  const openView = (name: string) =>
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  const entries = (action: string) => main().locator(`[data-testid="audit-entry"][data-action="${action}"]`);

  beforeAll(async () => {
    opened = await openE2ePage({ timeoutMs: 30_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
    const mysqlUrl = app.sandbox.datasources.find((datasource) => datasource.id === 'shop')!.env.MYSQL_URL!;
    password = decodeURIComponent(new URL(mysqlUrl).password);
    // A chat that runs a tool, as anyone would.
    app.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql } }] },
      { content: [{ type: 'text', text: 'The three most expensive products are above.' }] },
    );
    await page.goto(app.url);
    await page.getByRole('textbox', { name: 'Message' }).fill(question);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('The three most expensive products are above.').waitFor();
    // An admin adds a datasource (with a secret) and disables it.
    const created = await fetch(`${app.url}/api/admin/datasources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'audited', name: 'Audited shop', kind: 'mysql', secrets: { MYSQL_URL: mysqlUrl } }),
    });
    expect(created.status).toBe(201);
    const disabled = await fetch(`${app.url}/api/admin/datasources/audited`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(disabled.status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await coverage?.collect();
    await opened?.stop();
  });

  it('lists the question, the tool run with its arguments and the datasource changes, never a secret', async () => {
    await openView('Audit');
    await main().getByRole('table', { name: 'Audit log, newest first' }).waitFor();
    const toolRun = entries('tool_call').first();
    expect(await toolRun.textContent()).toContain('Local user');
    expect(await toolRun.textContent()).toContain('execute_query');
    expect(await toolRun.textContent()).toContain(sql);
    const details = toolRun.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await toolRun.getByText(sql).first().click();
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await details.locator('pre').textContent()).toContain('"arguments"');
    expect(await entries('question').first().textContent()).toContain(question);
    expect(await entries('datasource_created').first().textContent()).toContain('secret MYSQL_URL');
    expect(await entries('datasource_updated').first().textContent()).toContain('enabled');
    expect(await page.content()).not.toContain(password);
    await screenshot('table');
  });

  it('filters by action and datasource', async () => {
    const filters = main().getByRole('search', { name: 'Filter the audit log' });
    await filters.getByRole('combobox', { name: 'Action' }).selectOption('tool_call');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await entries('question').first().waitFor({ state: 'detached' });
    expect(await entries('tool_call').count()).toBeGreaterThan(0);
    expect(await main().locator('[data-testid="audit-entry"]:not([data-action="tool_call"])').count()).toBe(0);
    await filters.getByRole('combobox', { name: 'Action' }).selectOption('');
    await filters.getByRole('combobox', { name: 'Datasource' }).fill('audited');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await entries('tool_call').first().waitFor({ state: 'detached' });
    expect(await entries('datasource_created').count()).toBe(1);
    expect(await entries('datasource_updated').count()).toBe(1);
  });

  it('exports the filtered entries as a CSV download with a header row', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main().getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^connectormcp-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      'at,actor_id,actor_name,action,datasource,tool,arguments,status,duration_ms,session_id,run_id,detail,id',
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.includes('audited'))).toBe(true);
    expect(csv).not.toContain(password);
  });

  it('saves the retention setting', async () => {
    const days = main().getByRole('spinbutton', { name: 'Keep audit entries for (days)' });
    expect(await days.inputValue()).toBe('365');
    await days.fill('90');
    await main().getByRole('button', { name: 'Save retention' }).click();
    await main().getByText('Saved: entries are kept for 90 days.').waitFor();
    const settings = (await (await fetch(`${app.url}/api/admin/settings`)).json()) as { auditRetentionDays: number };
    expect(settings.auditRetentionDays).toBe(90);
    await screenshot('retention');
  });
});
