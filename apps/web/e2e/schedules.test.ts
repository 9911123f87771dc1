/**
 * @jest-environment node
 */
import { createConnection } from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { axeViolations, type AxeViolation } from './axe-violations.js';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const sql = 'SELECT id, title, stock FROM products WHERE id <= 3 ORDER BY id';
const runTimeoutMs = 90_000;

/**
 * The Schedules page in Chromium over the built API (local mode) and the sandbox's MariaDB: a saved tool
 * call and its schedule made through the API are listed; "Run now" shows a spinner until the run is there
 * with its result table; a second run after the data changed shows the changed row; pause and resume; a bad
 * cron is refused by the server next to the field; delete asks first and gives the focus back; axe finds
 * nothing serious in either theme.
 */
describe('the Schedules page in Chromium over the real API', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;
  let mysqlUrl: string;
  let scheduleId: string;

  const main = () => page.locator('main');
  const screenshot = (name: string) =>
    page.screenshot({ path: screenshotPath(`schedules-${name}.png`), fullPage: true });
  const openView = (name: string) =>
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  };
  const runs = () => main().getByTestId('schedule-run');
  const actions = () => main().getByRole('group', { name: 'Schedule actions' });

  async function switchTheme(theme: 'light' | 'dark') {
    const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    if (isDark === (theme === 'dark')) return;
    await page
      .getByRole('button', { name: `Switch to the ${theme} theme` })
      .filter({ visible: true })
      .first()
      .click();
    await page.waitForFunction(
      (dark) => document.documentElement.classList.contains('dark') === dark,
      theme === 'dark',
    );
  }
  /** axe in both themes, with a screenshot of each; asserted by the caller. */
  async function checkScreen(screen: string) {
    const found: Record<string, AxeViolation[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      await switchTheme(theme);
      found[theme] = await axeViolations({ page });
      await screenshot(`${screen}-${theme}`);
    }
    await switchTheme('light');
    return { screen, ...found };
  }
  const noViolations = (screen: string) => ({ screen, light: [], dark: [] });

  beforeAll(async () => {
    opened = await openE2ePage({ timeoutMs: 30_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
    mysqlUrl = app.sandbox.datasources.find((datasource) => datasource.id === 'shop')!.env.MYSQL_URL!;
    const saved = await api('/api/saved', {
      method: 'POST',
      body: { name: 'First products', datasource: 'shop', tool: 'execute_query', arguments: { sql } },
    });
    expect(saved.status).toBe(201);
    const schedule = await api('/api/schedules', {
      method: 'POST',
      body: { saved_id: saved.body.id, cron: '0 7 * * *', timezone: 'UTC' },
    });
    expect(schedule.status).toBe(201);
    scheduleId = schedule.body.id;
  }, 240_000);

  afterAll(async () => {
    await coverage?.collect();
    await opened?.stop();
  });

  it('lists the schedule with its cron in words, zone, and no run yet', async () => {
    await page.goto(app.url);
    await openView('Schedules');
    const table = main().getByRole('table', { name: 'Your schedules' });
    await table.waitFor();
    const row = table.getByTestId('schedule-row');
    expect(await row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('First products');
    expect(text).toContain('Tool call');
    expect(text).toContain('At 07:00');
    expect(text).toContain('UTC');
    expect(text).toContain('Not run yet');
    expect(await main().getByRole('table', { name: 'Saved tool calls and questions' }).textContent()).toContain(
      'execute_query on shop',
    );
    expect(await checkScreen('list')).toEqual(noViolations('list'));
  });

  it('runs it now: a spinner until the run is listed with its result table', async () => {
    await main().getByRole('button', { name: 'First products', exact: true }).click();
    await main().getByRole('heading', { name: 'First products', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('First products');
    await actions().getByRole('button', { name: 'Run now' }).click();
    await actions().getByRole('button', { name: 'Running…' }).waitFor();
    await runs().first().waitFor({ timeout: runTimeoutMs });
    await actions().getByRole('button', { name: 'Run now' }).waitFor({ timeout: runTimeoutMs });
    expect(await runs().count()).toBe(1);
    expect(await runs().first().getAttribute('data-status')).toBe('ok');
    expect(await runs().first().textContent()).toContain('3 rows');
    const result = main().getByRole('table', { name: /^Result of the run of/ });
    expect(await result.locator('tbody tr').count()).toBe(3);
    await main().getByText('Nothing to compare with: no earlier successful run.').waitFor();
    await screenshot('first-run');
  });

  it('a second run after the data changed shows the changed row, and a chart of the runs', async () => {
    const connection = await createConnection(mysqlUrl);
    try {
      await connection.query('UPDATE products SET stock = stock + 5 WHERE id = 2');
    } finally {
      await connection.end();
    }
    await actions().getByRole('button', { name: 'Run now' }).click();
    await runs().nth(1).waitFor({ timeout: runTimeoutMs });
    await actions().getByRole('button', { name: 'Run now' }).waitFor({ timeout: runTimeoutMs });
    expect(await runs().first().textContent()).toContain('1 changed');
    const changes = main().getByRole('table', { name: 'Rows changed since the previous run' });
    await changes.waitFor();
    const changed = changes.getByTestId('diff-row');
    expect(await changed.count()).toBe(1);
    expect(await changed.getAttribute('data-change')).toBe('changed');
    expect(await changed.getByRole('rowheader').textContent()).toContain('Changed');
    expect(await changed.textContent()).toContain('was');
    await main()
      .getByRole('figure', { name: /chart of Row count by run time/ })
      .waitFor();
    expect(await checkScreen('detail')).toEqual(noViolations('detail'));
  });

  it('pauses and resumes it', async () => {
    await actions().getByRole('button', { name: 'Pause' }).click();
    await main().getByText('First products is paused.').waitFor();
    expect((await api(`/api/schedules/${scheduleId}`)).body.paused).toBe(true);
    await actions().getByRole('button', { name: 'Resume' }).click();
    await main().getByText('First products is running on its schedule again.').waitFor();
    const schedule = (await api(`/api/schedules/${scheduleId}`)).body;
    expect(schedule.paused).toBe(false);
    expect(schedule.next_run_at).not.toBeNull();
  });

  it('refuses a cron that is no time, with the server’s reason next to the field', async () => {
    await actions().getByRole('button', { name: 'Change schedule' }).click();
    const form = main().getByRole('form', { name: 'Change when it runs' });
    const cron = form.getByRole('textbox', { name: 'When (cron)' });
    await cron.fill('61 7 * * *');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(
      () => document.querySelector('form [aria-invalid="true"]') === document.activeElement,
      undefined,
      { timeout: 10_000 },
    );
    const description = await cron.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    // The server's reason (cron-parser's), not the browser's own check of the five fields.
    expect(description).not.toContain('A cron has five fields');
    expect(description).toContain('61');
    await screenshot('bad-cron');
    expect((await api(`/api/schedules/${scheduleId}`)).body.cron).toBe('0 7 * * *');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('deletes it after a confirmation that starts on Cancel and gives the focus back', async () => {
    const remove = actions().getByRole('button', { name: 'Delete' });
    const dialog = page.getByRole('alertdialog', { name: 'Delete the schedule First products?' });
    // The modal covers the theme toggle: opened in each theme, and closed with Escape each time.
    const found: Record<string, AxeViolation[]> = {};
    for (const theme of ['dark', 'light'] as const) {
      await switchTheme(theme);
      await remove.click();
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      found[theme] = await axeViolations({ page });
      await screenshot(`delete-dialog-${theme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    }
    expect(found).toEqual({ dark: [], light: [] });
    await remove.click();
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await main().getByText('Deleted the schedule First products.').waitFor();
    await main()
      .getByText(/Nothing is scheduled yet/)
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Schedules');
    expect((await api('/api/schedules')).body.schedules).toEqual([]);
    expect((await api(`/api/schedules/${scheduleId}`)).status).toBe(404);
  });

  it('schedules the saved item again from the page, in the browser’s time zone', async () => {
    const saved = main().getByRole('table', { name: 'Saved tool calls and questions' });
    await saved.getByRole('button', { name: 'Schedule First products' }).click();
    const form = main().getByRole('form', { name: 'New schedule' });
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await form.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe(zone);
    await form.getByRole('textbox', { name: 'When (cron)' }).fill('*/30 * * * *');
    await form.getByText('Every 30 minutes').waitFor();
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await main().getByRole('heading', { name: 'First products', level: 2 }).waitFor();
    await main().getByText('No runs yet.', { exact: false }).waitFor();
    const [created] = (await api('/api/schedules')).body.schedules;
    expect(created).toMatchObject({ name: 'First products', cron: '*/30 * * * *', timezone: zone, paused: false });
  });
});
