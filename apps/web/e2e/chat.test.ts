/**
 * @jest-environment node
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from './screenshot-path.js';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const firstQuestion = 'Which three products cost the most?';

describe('the web chat in Chromium, over the real API, connectors and the fake model', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;

  const screenshot = (name: string) => page.screenshot({ path: screenshotPath(`chat-${name}.png`), fullPage: true });
  const send = async (message: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(message);
    await page.keyboard.press('Enter');
  };
  const queryShop = async (sql: string) => {
    const response = await fetch(`${app.url}/api/datasources/shop/tools/execute_query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ arguments: { sql } }),
    });
    return ((await response.json()) as { structuredContent: { rows: unknown[][] } }).structuredContent.rows;
  };

  beforeAll(async () => {
    opened = await openE2ePage({ timeoutMs: 15_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
  }, 180_000);

  afterAll(() => opened?.stop());

  it('answers a question with a tool card, a table of the rows and the streamed answer', async () => {
    app.fake.script(
      {
        content: [
          { type: 'text', text: 'Let me look at the catalogue.' },
          {
            type: 'tool_use',
            name: 'shop__execute_query',
            input: { sql: 'SELECT title, price FROM products ORDER BY price DESC LIMIT 3' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The **three most expensive** products are in the table above.' }] },
    );
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: 'Shop database' }).waitFor();
    await send(firstQuestion);
    const card = page.getByRole('article', { name: 'Tool call execute_query on Shop database (sandbox)' });
    await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    await page.getByText('three most expensive').waitFor();
    const table = card.getByRole('table');
    expect(await table.getByRole('row').count()).toBe(4);
    const prices = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(prices.map(Number)).toEqual([...prices.map(Number)].sort((left, right) => right - left));
    // Sorting by a header click, in the browser.
    await table.getByRole('button', { name: /price/ }).click();
    const ascending = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(ascending.map(Number)).toEqual([...prices.map(Number)].sort((left, right) => left - right));
    await screenshot('answer-with-table');
  });

  it('runs a write only after approval, and not at all when denied', async () => {
    const [before] = await queryShop('SELECT price FROM products WHERE id = 1');
    const newPrice = (Number(before![0]) + 1).toFixed(2);
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: `UPDATE products SET price = ${newPrice} WHERE id = 1` },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The price is updated.' }] },
    );
    await send('Raise the price of product 1 by one.');
    const approval = page.getByRole('alertdialog');
    await approval.waitFor();
    expect(await approval.textContent()).toContain(`UPDATE products SET price = ${newPrice} WHERE id = 1`);
    await screenshot('approval-prompt');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('The price is updated.').waitFor();
    expect(await queryShop('SELECT price FROM products WHERE id = 1')).toEqual([[newPrice]]);

    app.fake.script(
      {
        content: [
          { type: 'tool_use', name: 'shop__execute_statement', input: { sql: 'DELETE FROM products WHERE id = 2' } },
        ],
      },
      { content: [{ type: 'text', text: 'Understood, nothing was deleted.' }] },
    );
    await send('Delete product 2.');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deny' }).click();
    await page.getByText('Understood, nothing was deleted.').waitFor();
    const denied = page.getByRole('article', { name: /execute_statement/ }).last();
    expect(await denied.getByRole('status').textContent()).toContain('Denied');
    expect(await queryShop('SELECT id FROM products WHERE id = 2')).toEqual([[2]]);
  });

  it('stops a run with the stop button', async () => {
    app.fake.script({ content: [{ type: 'text', text: 'Counting slowly: ' + 'one more, '.repeat(400) }], delayMs: 40 });
    await send('Count slowly.');
    await page.getByText('Counting slowly').waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped' }).waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await screenshot('stopped-run');
  });

  it('switches sessions, and the history survives a reload', async () => {
    await page.getByRole('button', { name: '+ New chat' }).click();
    app.fake.script({ content: [{ type: 'text', text: 'Second chat answer.' }] });
    await send('A second chat');
    await page.getByText('Second chat answer.').waitFor();
    const sessions = page.getByRole('region', { name: 'Chats' });
    await sessions.getByRole('button', { name: 'A second chat', exact: true }).waitFor();
    await sessions.getByRole('button', { name: firstQuestion, exact: true }).click();
    await page.getByText('three most expensive').waitFor();
    expect(await page.getByText('Second chat answer.').count()).toBe(0);
    await coverage?.collect();
    await page.reload();
    await page.getByText('three most expensive').waitFor();
    await page.getByText('The price is updated.').waitFor();
    // The stored tool call shows again as a card with its status.
    const card = page.getByRole('article', { name: /execute_query/ }).first();
    expect(await card.getByRole('status').textContent()).toContain('Done');
    // Its rows come back as a table too, one click away.
    await card.getByRole('button', { name: 'Show details' }).click();
    expect(await card.getByRole('table').getByRole('row').count()).toBe(4);
    await screenshot('history-after-reload');
  });

  it('runs a read-only tool in the tool explorer', async () => {
    await page.getByRole('button', { name: 'Tool explorer' }).click();
    await page.getByRole('combobox', { name: 'Datasource' }).selectOption('files');
    await page.getByRole('combobox', { name: 'Tool' }).selectOption('list_objects');
    await page.getByRole('textbox', { name: 'bucket' }).fill('sample-data');
    await page.getByRole('button', { name: 'Run tool' }).click();
    const result = page.getByTestId('explorer-result');
    await result.getByRole('table').waitFor();
    expect(await result.getByRole('table').textContent()).toMatch(/\.csv/);
    await screenshot('tool-explorer');
  });
});
