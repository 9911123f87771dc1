/**
 * @jest-environment node
 */
import type { Page } from 'playwright-core';
import { errorCodeMessage } from '../src/explorer/error-code-message.js';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

const shopName = 'Shop database (sandbox)';

describe('edit & re-run from tool cards, and the tool explorer, in Chromium over the real API', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;

  const screenshot = (name: string) =>
    page.screenshot({ path: screenshotPath(`explorer-${name}.png`), fullPage: true });
  const send = async (message: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(message);
    // Clicking waits until the button is enabled: sending waits for the datasources to load.
    await page.getByRole('button', { name: 'Send' }).click();
  };
  const callTool = async ({ tool, toolArguments }: { tool: string; toolArguments: Record<string, unknown> }) => {
    const response = await fetch(`${app.url}/api/datasources/shop/tools/${tool}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ arguments: toolArguments }),
    });
    return (await response.json()) as {
      structuredContent?: { rows: unknown[][] };
      isError: boolean;
      errorCode: string | null;
      modelText: string;
    };
  };
  const queryShop = async (sql: string) =>
    (await callTool({ tool: 'execute_query', toolArguments: { sql } })).structuredContent?.rows;
  const cards = (tool: string) => page.getByRole('article', { name: `Tool call ${tool} on ${shopName}` });

  beforeAll(async () => {
    opened = await openE2ePage({ timeoutMs: 20_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
  }, 180_000);

  afterAll(() => opened?.stop());

  it('edits the SQL of a card and re-runs it: the new card shows the new result', async () => {
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_query',
            input: { sql: 'SELECT title, price FROM products ORDER BY price DESC LIMIT 3' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Those are the three most expensive products.' }] },
    );
    await page.goto(app.url);
    await send('Which three products cost the most?');
    await page.getByText('Those are the three most expensive products.').waitFor();
    const first = cards('execute_query').first();
    await first.getByRole('status').filter({ hasText: 'Done' }).waitFor();

    await first.getByRole('button', { name: 'Edit & re-run' }).click();
    const editor = first.getByRole('form', { name: 'Edit the arguments of execute_query' });
    const sql = editor.getByRole('textbox', { name: 'SQL' });
    expect(await sql.inputValue()).toBe('SELECT title, price FROM products ORDER BY price DESC LIMIT 3');
    // A query editor: monospace.
    expect(await sql.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono/i);
    const edited = 'SELECT title, price FROM products ORDER BY price ASC LIMIT 2';
    await sql.fill(edited);
    await screenshot('edit-sql');
    await editor.getByRole('button', { name: 'Run', exact: true }).click();

    // The re-run is a new card; the first keeps its own rows.
    await cards('execute_query').nth(1).waitFor();
    const second = cards('execute_query').nth(1);
    await second.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    // Said for what it is: no model was involved.
    expect(await page.getByText('Run again by you with edited arguments; the model was not asked.').count()).toBe(1);
    const table = second.getByRole('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    const cheapest = (await queryShop(edited))!.map((row) => String(row[0]));
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toEqual(cheapest);
    expect(await first.getByRole('table').locator('tbody tr').count()).toBe(3);
    // The edited arguments are the ones the card shows.
    await second.getByText('Arguments').click();
    expect(await second.locator('pre').first().textContent()).toContain('ORDER BY price ASC LIMIT 2');
    await screenshot('rerun-result');

    // The re-run is part of the chat: reopened, it is still there, after the answer it followed.
    await coverage?.collect();
    await page.reload();
    const reopened = cards('execute_query').nth(1);
    await reopened.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    expect(await reopened.getByRole('table').locator('tbody tr td:first-child').allTextContents()).toEqual(cheapest);
    const rerunFollowsTheAnswer = await page.evaluate(() => {
      const answer = [...document.querySelectorAll('p')].find((element) =>
        element.textContent?.includes('Those are the three most expensive products.'),
      );
      const rerunCard = document.querySelectorAll('[data-testid="tool-call-card"]')[1];
      return Boolean(
        answer && rerunCard && answer.compareDocumentPosition(rerunCard) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(rerunFollowsTheAnswer).toBe(true);
  });

  it('re-runs an edited write only after approval', async () => {
    const [[before]] = (await queryShop('SELECT price FROM products WHERE id = 3')) as [[string | number]];
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: `UPDATE products SET price = ${before} WHERE id = 3` },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The price is unchanged.' }] },
    );
    await send('Set the price of product 3 to what it is.');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Approve' }).click();
    await page.getByText('The price is unchanged.').waitFor();

    const write = cards('execute_statement').last();
    await write.getByRole('button', { name: 'Edit & re-run' }).click();
    // A write does not open in the explorer, which runs read-only tools only.
    expect(await write.getByRole('button', { name: 'Open in explorer' }).count()).toBe(0);
    const newPrice = (Number(before) + 7).toFixed(2);
    await write.getByRole('textbox', { name: 'SQL' }).fill(`UPDATE products SET price = ${newPrice} WHERE id = 3`);
    await write.getByRole('button', { name: 'Run after approval' }).click();

    const approval = page.getByRole('alertdialog');
    await approval.waitFor();
    expect(await approval.textContent()).toContain(`UPDATE products SET price = ${newPrice} WHERE id = 3`);
    // Nothing changed while it waits.
    expect(await queryShop('SELECT price FROM products WHERE id = 3')).toEqual([[before]]);
    await screenshot('rerun-write-approval');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await cards('execute_statement').last().getByRole('status').filter({ hasText: 'Done' }).waitFor();
    expect(await cards('execute_statement').count()).toBe(2);
    expect(Number((await queryShop('SELECT price FROM products WHERE id = 3'))![0]![0])).toBe(Number(newPrice));
  });

  it('opens a card in the explorer with its datasource, tool and arguments filled in', async () => {
    const card = cards('execute_query').first();
    await card.getByRole('button', { name: 'Open in explorer' }).click();
    await page.getByRole('heading', { name: 'Tool explorer' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Datasource' }).inputValue()).toBe('shop');
    expect(await page.getByRole('combobox', { name: 'Tool' }).inputValue()).toBe('execute_query');
    expect(await page.getByRole('textbox', { name: 'SQL' }).inputValue()).toBe(
      'SELECT title, price FROM products ORDER BY price DESC LIMIT 3',
    );
    await page.getByRole('button', { name: 'Run tool' }).click();
    await page.getByTestId('explorer-result').getByRole('table').waitFor();
  });

  it('opens on a tool needing no names, labels fields from the schema, and shows what the model receives', async () => {
    await coverage?.collect();
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Tool explorer' }).click();
    await page.getByRole('combobox', { name: 'Datasource' }).selectOption('shop');
    // list_tables needs a database, which the connection supplies as the default.
    const tool = page.getByRole('combobox', { name: 'Tool' });
    expect(await tool.inputValue()).toBe('list_tables');
    const database = page.getByRole('textbox', { name: 'Database', exact: true });
    expect(await database.inputValue()).toBe('shop');
    expect(await database.getAttribute('required')).toBeNull();
    // Labels in words, help from the schema's description.
    await page.getByRole('textbox', { name: 'Name like' }).waitFor();
    expect(await page.getByText('Database name, as listed by list_databases.').count()).toBe(1);
    // Nothing that needs a name the user cannot know yet comes before the listing tools.
    const order = await tool
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(order.indexOf('describe_table')).toBeGreaterThan(order.indexOf('list_tables'));
    expect(order.indexOf('describe_table')).toBeGreaterThan(order.indexOf('list_databases'));

    await page.getByRole('button', { name: 'Run tool' }).click();
    const result = page.getByTestId('explorer-result');
    await result.getByRole('tabpanel', { name: 'Rendered' }).getByRole('table').waitFor();
    expect(await result.getByRole('table').textContent()).toContain('products');
    await screenshot('rendered');
    await result.getByRole('tab', { name: 'What the model receives' }).click();
    const modelText = await result.getByTestId('model-text').textContent();
    const expected = await callTool({ tool: 'list_tables', toolArguments: { database: 'shop' } });
    expect(modelText).toBe(expected.modelText);
    expect(modelText).toContain('products');
    await screenshot('model-text');
  });

  it('names a tool error in plain words with its code', async () => {
    await page.getByRole('combobox', { name: 'Tool' }).selectOption('execute_query');
    await page.getByRole('textbox', { name: 'SQL' }).fill('SELEC title FROM products');
    await page.getByRole('button', { name: 'Run tool' }).click();
    const expected = await callTool({ tool: 'execute_query', toolArguments: { sql: 'SELEC title FROM products' } });
    expect(expected.isError).toBe(true);
    expect(expected.errorCode).not.toBeNull();
    const alert = page.getByTestId('explorer-result').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(errorCodeMessage({ code: expected.errorCode }));
    expect(await alert.textContent()).toContain(`(${expected.errorCode})`);
    await screenshot('error');
  });
});
