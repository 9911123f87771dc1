/**
 * @jest-environment node
 */
import type { Page } from 'playwright-core';
import type { BrowserCoverage } from './record-browser-coverage.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

/**
 * The admin Datasources page in Chromium over the built API (local mode: the local user is an admin) and
 * the sandbox's real MariaDB: a MySQL datasource added through the form built from the connector's own
 * variables, tested, saved, offered in the chat, used in the explorer and the chat, edited, disabled and
 * deleted; the config file's datasources shown read-only.
 */
describe('datasource admin in Chromium over the real API and MariaDB', () => {
  let app: E2eApp;
  let page: Page;
  let coverage: BrowserCoverage | undefined;
  let opened: E2ePage | undefined;
  let mysqlUrl: string;

  const screenshot = (name: string) =>
    page.screenshot({ path: screenshotPath(`datasource-admin-${name}.png`), fullPage: true });
  const openView = (name: string) =>
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
  // The sidebar has its own Test connection buttons and datasource names: the page's are in <main>.
  const main = () => page.locator('main');
  const row = (id: string) => main().getByTestId(`admin-datasource-${id}`);
  const adminDatasources = async () =>
    (await (await fetch(`${app.url}/api/admin/datasources`)).json()) as {
      datasources: Array<{ id: string; enabled: boolean; systemPrompt: string | null; secrets: object }>;
    };

  beforeAll(async () => {
    opened = await openE2ePage({ timeoutMs: 30_000, recordCoverage: true });
    ({ app, page, coverage } = opened);
    mysqlUrl = app.sandbox.datasources.find((datasource) => datasource.id === 'shop')!.env.MYSQL_URL!;
  }, 180_000);

  afterAll(async () => {
    await coverage?.collect();
    await opened?.stop();
  });

  it('shows the config file’s datasources read-only, secrets only as set', async () => {
    await page.goto(app.url);
    await openView('Datasources');
    await row('shop').waitFor();
    expect(await row('shop').textContent()).toContain('Config file');
    expect(await row('shop').getByRole('switch').isDisabled()).toBe(true);
    expect(
      await row('shop')
        .getByRole('button', { name: /Delete/ })
        .count(),
    ).toBe(0);
    await row('shop').getByRole('button', { name: /View/ }).click();
    await main().getByText('From the config file — read-only').waitFor();
    expect(await main().getByRole('textbox', { name: /^Name/ }).isDisabled()).toBe(true);
    expect(await main().getByRole('button', { name: 'MYSQL_URL: set — replace' }).isDisabled()).toBe(true);
    expect(await main().getByRole('button', { name: /^Save/ }).count()).toBe(0);
    expect(await page.content()).not.toContain(mysqlUrl);
    await screenshot('file-read-only');
    await main().getByRole('button', { name: 'Back' }).click();
  });

  it('adds a MySQL datasource through its form, tests it and saves it; the chat offers it', async () => {
    await main().getByRole('button', { name: 'Add datasource' }).click();
    await main()
      .getByRole('button', { name: /^MySQL/ })
      .click();
    await main().getByRole('heading', { name: 'Add a datasource: MySQL' }).waitFor();
    // Built from the connector's own description: its help text, a password input for the secret URL.
    await main().getByText('percent-encode # / ? % in the user name and password').first().waitFor();
    const urlInput = main().getByLabel('MYSQL_URL', { exact: true });
    expect(await urlInput.getAttribute('type')).toBe('password');
    await main().getByRole('textbox', { name: /^Name/ }).fill('Warehouse');
    expect(await main().getByRole('textbox', { name: /^Id/ }).inputValue()).toBe('warehouse');
    await urlInput.fill(mysqlUrl);
    await main().getByRole('textbox', { name: 'Instructions for the model' }).fill('Prices are in euros.');
    await main().getByRole('textbox', { name: 'Example questions' }).fill('Which products are out of stock?');
    await main().getByRole('button', { name: 'Test connection' }).click();
    const result = main().getByTestId('connection-test-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Connected in \d+ ms · \d+ tools/);
    await screenshot('form-tested');
    await main().getByRole('button', { name: 'Save datasource' }).click();
    await page.getByText('Saved Warehouse.').waitFor();
    await row('warehouse').waitFor();
    expect(await row('warehouse').textContent()).toContain('MySQL');
    const saved = (await adminDatasources()).datasources.find((datasource) => datasource.id === 'warehouse');
    expect(saved).toMatchObject({
      enabled: true,
      systemPrompt: 'Prices are in euros.',
      secrets: { MYSQL_URL: { set: true } },
    });
    // The secret never comes back.
    expect(JSON.stringify(await adminDatasources())).not.toContain(new URL(mysqlUrl).password);
    await row('warehouse').getByTestId('health-badge').waitFor();
    await screenshot('list');
    await openView('Chat');
    await page.getByRole('checkbox', { name: /Warehouse/ }).waitFor();
  });

  it('runs a tool of the new datasource in the explorer and in a chat', async () => {
    await openView('Tool explorer');
    await page.getByRole('combobox', { name: 'Datasource' }).selectOption('warehouse');
    await page.getByRole('combobox', { name: 'Tool' }).selectOption('list_tables');
    await page.getByRole('button', { name: 'Run tool' }).click();
    const explorerResult = page.getByTestId('explorer-result');
    await explorerResult.getByRole('table').waitFor();
    expect(await explorerResult.getByRole('table').textContent()).toContain('products');

    await openView('Chat');
    const warehouse = page.getByRole('checkbox', { name: /Warehouse/ });
    if (!(await warehouse.isChecked())) await warehouse.check();
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'warehouse__execute_query',
            input: { sql: 'SELECT COUNT(*) AS products FROM products' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The warehouse counts its products above.' }] },
    );
    await page.getByRole('textbox', { name: 'Message' }).fill('How many products are in the warehouse?');
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.getByRole('article', { name: 'Tool call execute_query on Warehouse' });
    await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
    await page.getByText('The warehouse counts its products above.').waitFor();
    // The model was told the datasource's own instructions.
    expect(JSON.stringify(app.fake.requests.at(-1))).toContain('Prices are in euros.');
  });

  it('edits it, replacing the secret without ever seeing it, then disables and deletes it', async () => {
    await openView('Datasources');
    await row('warehouse').getByRole('button', { name: /Edit/ }).click();
    await main().getByRole('heading', { name: 'Edit Warehouse' }).waitFor();
    expect(await main().getByRole('textbox', { name: 'Instructions for the model' }).inputValue()).toBe(
      'Prices are in euros.',
    );
    await main().getByRole('button', { name: 'MYSQL_URL: set — replace' }).click();
    const replacement = main().getByLabel('MYSQL_URL', { exact: true });
    expect(await replacement.inputValue()).toBe('');
    await replacement.fill(mysqlUrl);
    await main()
      .getByRole('textbox', { name: 'Instructions for the model' })
      .fill('Prices are in euros, VAT included.');
    await main().getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved Warehouse.').waitFor();
    expect(
      (await adminDatasources()).datasources.find((datasource) => datasource.id === 'warehouse')?.systemPrompt,
    ).toBe('Prices are in euros, VAT included.');

    await row('warehouse').getByRole('switch', { name: 'Warehouse enabled' }).click();
    await page.getByText('Warehouse is disabled.').waitFor();
    expect((await adminDatasources()).datasources.find((datasource) => datasource.id === 'warehouse')?.enabled).toBe(
      false,
    );
    // The chat's list was refreshed at once: no longer offered.
    expect(await page.getByRole('checkbox', { name: /Warehouse/ }).count()).toBe(0);

    // By keyboard: the dialog opens on its safe answer, Escape keeps the datasource and gives the focus back.
    const deleteButton = row('warehouse').getByRole('button', { name: /Delete/ });
    await deleteButton.focus();
    await page.keyboard.press('Enter');
    const dialog = main().getByRole('alertdialog', { name: 'Delete Warehouse?' });
    await dialog.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Delete Warehouse');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await screenshot('delete-confirm');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Delete Warehouse');
    await page.keyboard.press('Enter');
    await page.getByText('Deleted Warehouse.').waitFor();
    await row('warehouse').waitFor({ state: 'detached' });
    expect((await adminDatasources()).datasources.map((datasource) => datasource.id)).toEqual(['shop', 'files']);
  });
});
