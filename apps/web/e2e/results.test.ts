/**
 * @jest-environment node
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe-violations.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const columnTexts = async ({ table, header }: { table: Locator; header: string }) => {
  const headers = (await table.locator('thead th').allTextContents()).map((text) => text.replace(/[▲▼↕]/g, ''));
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${headers.join(', ')}`);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
};

/**
 * axe's serious and critical findings inside tool cards (the results this file is about); the rest of the
 * page is held to account by accessibility.test.ts.
 */
const resultViolations = async (page: Page) => {
  const violations = await axeViolations({ page });
  const inCards = await Promise.all(
    violations.map(async (violation) => ({
      ...violation,
      targets: (
        await Promise.all(
          violation.targets.map(async (target) => {
            const selector = target.split(': Fix')[0]!;
            const inCard = await page.evaluate(
              (css) => document.querySelector(css)?.closest('[data-testid="tool-call-card"]') != null,
              selector,
            );
            return inCard ? [target] : [];
          }),
        )
      ).flat(),
    })),
  );
  return inCards.filter((violation) => violation.targets.length > 0);
};

// "€1,234.50" → 1234.5 (for checking an order, not for display).
const euros = (text: string) => Number(text.replace(/[€,]/g, ''));

describe('typed results in Chromium: money, charts with two scales, previews by content', () => {
  let app: E2eApp;
  let page: Page;
  let opened: E2ePage | undefined;

  const send = async (message: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(message);
    await page.keyboard.press('Enter');
  };
  /** The card of a finished tool call, opened. */
  const finishedCard = async (name: RegExp) => {
    const card = page.getByRole('article', { name }).last();
    await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    const show = card.getByRole('button', { name: 'Show details' });
    if (await show.isVisible()) await show.click();
    return card;
  };

  beforeAll(async () => {
    opened = await openE2ePage({
      app: { sources: ['shop', 'files', 'store'] },
      // A fixed locale and zone, so the formatted values are known.
      context: { locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true },
      timeoutMs: 30_000,
    });
    ({ app, page } = opened);
  }, 240_000);

  afterAll(() => opened?.stop());

  it('shows a Shopify order list with money as amount and currency, right-aligned, sorted by value', async () => {
    app.fake.script(
      { content: [{ type: 'tool_use', name: 'store__list_orders', input: { first: 30 } }] },
      { content: [{ type: 'text', text: 'These are the 30 latest orders.' }] },
    );
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: /Shopify store/ }).waitFor({ timeout: 60_000 });
    await send('Show me the latest orders');
    const card = await finishedCard(/^Tool call list_orders on Shopify store/);
    await page.getByText('These are the 30 latest orders.').waitFor();
    const table = card.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(30);
    expect(await table.textContent()).not.toContain('{"amo');
    const totals = await columnTexts({ table, header: 'Total' });
    for (const total of totals) expect(total).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
    const totalCell = table.locator('tbody tr').first().locator('td', { hasText: '€' });
    expect(await totalCell.evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right');
    // Sorting compares amounts, not text ("€9.00" after "€10.00" would be text order).
    const totalHeader = table.getByRole('button', { name: /^Total/ });
    await totalHeader.click();
    await totalHeader.click();
    const descending = (await columnTexts({ table, header: 'Total' })).map(euros);
    expect(descending).toEqual([...descending].sort((left, right) => right - left));
    // Dates in the reader's locale, not ISO text.
    const created = await columnTexts({ table, header: 'Created at' });
    for (const text of created) expect(text).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/);
    await page.screenshot({ path: screenshotPath('results-shopify-orders.png'), fullPage: true });
    expect(await resultViolations(page)).toEqual([]);
  }, 180_000);

  it('charts orders and their item counts on two axes, steerable, with readable dates, as SVG and PNG', async () => {
    const card = page.getByRole('article', { name: /^Tool call list_orders on Shopify store/ }).last();
    await card.getByRole('button', { name: 'Chart' }).click();
    const settings = card.getByRole('group', { name: 'Chart settings' });
    await settings.getByRole('combobox', { name: 'X axis' }).selectOption({ label: 'Created at' });
    const series = settings.getByRole('group', { name: 'Series' });
    await series.getByRole('checkbox', { name: 'Total' }).check();
    await series.getByRole('checkbox', { name: 'Item count' }).check();
    const figure = card.locator('figure');
    await figure.locator('.recharts-surface').first().waitFor();
    // Totals of tens to hundreds of euros and counts of a few items: the counts get the right axis.
    expect(await figure.getAttribute('aria-label')).toMatch(/Total, Item count \(right axis\) by Created at/);
    expect(await figure.locator('.recharts-yAxis').count()).toBe(2);
    await figure
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .first()
      .waitFor({ state: 'attached' });
    const ticks = await figure
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    await page.screenshot({ path: screenshotPath('results-chart-two-scales.png'), fullPage: true });
    expect(await resultViolations(page)).toEqual([]);

    await settings.getByRole('combobox', { name: 'Chart type' }).selectOption('bar');
    await figure.locator('.recharts-bar-rectangle').first().waitFor();
    await settings.getByRole('combobox', { name: 'Chart type' }).selectOption('area');
    await figure.locator('.recharts-area').first().waitFor();

    const svgDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: 'SVG' }).click();
    const svg = await svgDownload;
    expect(svg.suggestedFilename()).toBe('store-list_orders.svg');
    const markup = await readFile((await svg.path())!, 'utf8');
    expect(markup).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).toContain('recharts-area');
    expect(markup).toContain('Item count (right axis)');
    const pngDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: 'PNG' }).click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe('store-list_orders.png');
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(5_000);
  }, 180_000);

  it('charts daily order counts against revenue from SQL on two axes, days unshifted west of UTC', async () => {
    // West of UTC a date read as an instant would fall on the day before.
    const western = await app.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'America/Los_Angeles',
    });
    try {
      const westernPage = await western.newPage();
      westernPage.setDefaultTimeout(30_000);
      const sql =
        'SELECT DATE(placed_at) AS day, COUNT(*) AS orders, SUM(total) AS revenue FROM orders GROUP BY DATE(placed_at) ORDER BY day';
      app.fake.script(
        { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql } }] },
        { content: [{ type: 'text', text: 'Orders and revenue per day are above.' }] },
      );
      await westernPage.goto(app.url);
      await westernPage.getByRole('textbox', { name: 'Message' }).fill('Orders and revenue per day?');
      // A fresh page signs in (GET /api/me) and loads its sources before it can send: Enter pressed sooner is
      // ignored, and the scripted turns would be left for the next test. Clicking waits for Send to be enabled.
      await westernPage.getByRole('button', { name: 'Send' }).click();
      await westernPage.getByText('Orders and revenue per day are above.').waitFor();
      const card = westernPage.getByRole('article', { name: /^Tool call execute_query on Shop database/ }).last();
      await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
      const table = card.getByRole('table');
      const response = await fetch(`${app.url}/api/datasources/shop/tools/execute_query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ arguments: { sql } }),
      });
      const { structuredContent } = (await response.json()) as { structuredContent: { rows: string[][] } };
      const firstDay = structuredContent.rows[0]![0]!;
      const [year, month, day] = firstDay.split('-').map(Number);
      const expectedDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        Date.UTC(year!, month! - 1, day!),
      );
      expect((await columnTexts({ table, header: 'day' }))[0]).toBe(expectedDay);
      await card.getByRole('button', { name: 'Chart' }).click();
      const figure = card.locator('figure');
      await figure.locator('.recharts-surface').first().waitFor();
      expect(await figure.getAttribute('aria-label')).toBe('Line chart of orders (right axis), revenue by day');
      expect(await figure.locator('.recharts-yAxis').count()).toBe(2);
      await figure
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .first()
        .waitFor({ state: 'attached' });
      const ticks = await figure
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .allTextContents();
      for (const tick of ticks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{1,2}(, \d{4})?$/);
      await westernPage.screenshot({ path: screenshotPath('results-sql-two-scales.png'), fullPage: true });
      expect(await resultViolations(westernPage)).toEqual([]);
    } finally {
      await western.close();
    }
  }, 180_000);

  it('previews a CSV object from S3 as a table, and a JSON object as a foldable tree', async () => {
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'files__read_object',
            input: { bucket: 'sample-data', key: 'reports/2026/sales-q3.csv' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The Q3 sales report is above.' }] },
    );
    await send('Open the Q3 sales report');
    const card = await finishedCard(/^Tool call read_object on Files in S3/);
    const preview = card.getByTestId('object-preview');
    await preview.getByText('s3://sample-data/reports/2026/sales-q3.csv').waitFor();
    const table = preview.getByRole('table');
    await table.locator('tbody tr').first().waitFor();
    expect((await table.locator('thead th').allTextContents()).map((text) => text.replace(/[▲▼↕]/g, ''))).toEqual([
      'date',
      'region',
      'product',
      'units',
      'revenue',
    ]);
    expect(await table.locator('tbody tr').count()).toBe(60);
    expect(await preview.textContent()).not.toContain('\\n');
    await page.screenshot({ path: screenshotPath('results-s3-csv-preview.png'), fullPage: true });
    expect(await resultViolations(page)).toEqual([]);

    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'files__read_object',
            input: { bucket: 'sample-data', key: 'data/customers.json' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Three customers.' }] },
    );
    await send('Open the customers file');
    await page.getByText('Three customers.').waitFor();
    const jsonCard = await finishedCard(/^Tool call read_object on Files in S3/);
    const tree = jsonCard.getByRole('group', { name: 'data/customers.json as JSON' });
    await tree.getByText('"name": "Ada Lovelace",').waitFor();
    const first = tree.getByRole('button', { name: /^Fold value \(4 keys\)/ }).first();
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await tree.getByText('"name": "Ada Lovelace",').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('results-s3-json-preview.png'), fullPage: true });
    expect(await resultViolations(page)).toEqual([]);
  }, 180_000);

  it("shows an S3 image inline from a blob: URL made in the page, under the app's content policy", async () => {
    app.fake.script(
      {
        content: [
          { type: 'tool_use', name: 'files__read_object', input: { bucket: 'sample-data', key: 'images/logo.png' } },
        ],
      },
      { content: [{ type: 'text', text: 'That is the logo.' }] },
    );
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await send('Show me the logo');
    await page.getByText('That is the logo.').waitFor();
    const card = await finishedCard(/^Tool call read_object on Files in S3/);
    const image = card.getByRole('img', { name: 'Preview of images/logo.png' });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0,
      await image.elementHandle(),
    );
    expect(blocked).toEqual([]);
    await page.screenshot({ path: screenshotPath('results-s3-image-preview.png'), fullPage: true });
    expect(await resultViolations(page)).toEqual([]);
  }, 180_000);
});
