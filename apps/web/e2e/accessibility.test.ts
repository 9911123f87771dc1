/**
 * @jest-environment node
 */
import type { Page } from 'playwright-core';
import { axeViolations, type AxeViolation } from './axe-violations.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

/**
 * Every screen of the app, in the light and the dark theme (the sign-in screen and the session-ended dialog
 * are checked in sign-in.test.ts, which has the OpenID provider), checked with axe-core in Chromium: no serious
 * or critical violation of WCAG 2.2 A/AA or axe's best practices.
 */
async function switchTheme({ page, theme }: { page: Page; theme: 'light' | 'dark' }) {
  const isDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  if (isDark === (theme === 'dark')) return;
  await page
    .getByRole('button', { name: `Switch to the ${theme} theme` })
    .filter({ visible: true })
    .first()
    .click();
  await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, theme === 'dark');
}

describe('accessibility of every screen (axe-core in Chromium)', () => {
  /**
   * Runs axe on the page in both themes through the app's own toggle, with a screenshot of each; the test
   * asserts afterwards, so a failure leaves the app as the next step expects (an approval answered, say).
   */
  async function checkScreen({ page, screen }: { page: Page; screen: string }) {
    const found: Record<string, AxeViolation[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      await switchTheme({ page, theme });
      found[theme] = await axeViolations({ page });
      await page.screenshot({ path: screenshotPath(`accessibility-${screen}-${theme}.png`), fullPage: true });
    }
    await switchTheme({ page, theme: 'light' });
    return { screen, ...found };
  }
  const noViolations = (screen: string) => ({ screen, light: [], dark: [] });

  describe('with the sandbox and a model', () => {
    let app: E2eApp;
    let page: Page;
    let opened: E2ePage | undefined;

    beforeAll(async () => {
      opened = await openE2ePage();
      ({ app, page } = opened);
    }, 180_000);

    afterAll(() => opened?.stop());

    const send = async (message: string) => {
      await page.getByRole('textbox', { name: 'Message' }).fill(message);
      await page.keyboard.press('Enter');
    };

    it('the empty chat', async () => {
      await page.goto(app.url);
      await page.getByRole('checkbox', { name: /Shop database/ }).waitFor();
      expect(await checkScreen({ page, screen: 'chat-empty' })).toEqual(noViolations('chat-empty'));
    });

    it('an answer with a result table, and its chart', async () => {
      app.fake.script(
        {
          content: [
            {
              type: 'tool_use',
              name: 'shop__execute_query',
              input: { sql: 'SELECT title, price, stock FROM products ORDER BY price DESC LIMIT 5' },
            },
          ],
        },
        { content: [{ type: 'text', text: 'The **five most expensive** products are in the table above.' }] },
      );
      await send('Which five products cost the most?');
      const card = page.getByRole('article', { name: /execute_query/ }).last();
      await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();
      await page.getByText('five most expensive').waitFor();
      await card.getByRole('table').waitFor();
      const table = await checkScreen({ page, screen: 'chat-table' });
      await card.getByRole('button', { name: 'Chart', exact: true }).click();
      await card.locator('svg.recharts-surface').first().waitFor();
      const chart = await checkScreen({ page, screen: 'chat-chart' });
      expect([table, chart]).toEqual([noViolations('chat-table'), noViolations('chat-chart')]);
    });

    it('the approval prompt', async () => {
      app.fake.script(
        {
          content: [
            { type: 'tool_use', name: 'shop__execute_statement', input: { sql: 'DELETE FROM products WHERE id = 3' } },
          ],
        },
        { content: [{ type: 'text', text: 'Nothing was deleted.' }] },
      );
      await send('Delete product 3.');
      const approval = page.getByRole('alertdialog');
      await approval.waitFor();
      const checked = await checkScreen({ page, screen: 'approval-prompt' });
      await approval.getByRole('button', { name: 'Deny' }).click();
      await page.getByText('Nothing was deleted.').waitFor();
      expect(checked).toEqual(noViolations('approval-prompt'));
    });

    it('the error banner of a failed run', async () => {
      app.fake.script({ content: [{ type: 'text', text: 'Half an answer, and then' }], failAfterText: 'Half' });
      await send('Fail half way, please.');
      await page.getByText('The answer could not be finished').waitFor();
      expect(await checkScreen({ page, screen: 'run-error' })).toEqual(noViolations('run-error'));
    });

    it('previews of S3 objects: a CSV as a table, JSON as a tree', async () => {
      const open = async ({ key, done }: { key: string; done: string }) => {
        app.fake.script(
          { content: [{ type: 'tool_use', name: 'files__read_object', input: { bucket: 'sample-data', key } }] },
          { content: [{ type: 'text', text: done }] },
        );
        await send(`Open ${key}`);
        await page.getByText(done).waitFor();
      };
      await open({ key: 'reports/2026/sales-q3.csv', done: 'The Q3 report is above.' });
      await page
        .getByRole('article', { name: /read_object/ })
        .last()
        .getByRole('table')
        .waitFor();
      const csv = await checkScreen({ page, screen: 'preview-csv' });
      await open({ key: 'data/customers.json', done: 'The customers are above.' });
      await page.getByRole('group', { name: /customers\.json/ }).waitFor();
      const json = await checkScreen({ page, screen: 'preview-json' });
      expect([csv, json]).toEqual([noViolations('preview-csv'), noViolations('preview-json')]);
    });

    it('the tool explorer, before and after running a tool', async () => {
      await page.getByRole('button', { name: 'Tool explorer' }).click();
      const tool = page.getByRole('combobox', { name: 'Tool' });
      await tool.waitFor();
      const opened = await checkScreen({ page, screen: 'explorer' });
      await page.getByRole('combobox', { name: 'Datasource' }).selectOption('files');
      await tool.selectOption('list_objects');
      await page.getByRole('textbox', { name: /bucket/i }).fill('sample-data');
      await page.getByRole('button', { name: 'Run tool' }).click();
      await page.getByTestId('explorer-result').getByRole('table').waitFor();
      const ran = await checkScreen({ page, screen: 'explorer-result' });
      expect([opened, ran]).toEqual([noViolations('explorer'), noViolations('explorer-result')]);
    });

    const openView = (name: string) =>
      page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();

    it('the user menu, and the API keys page with a new key shown once', async () => {
      // Switching the theme clicks outside the open menu, which closes it: opened again in each theme.
      const accountMenu = page.getByRole('button', { name: /Account: Local user/ });
      const menu: Record<string, unknown> = { screen: 'user-menu' };
      for (const theme of ['light', 'dark'] as const) {
        await switchTheme({ page, theme });
        await accountMenu.click();
        await page.getByRole('button', { name: 'API keys', exact: true }).waitFor();
        menu[theme] = await axeViolations({ page });
        await page.screenshot({ path: screenshotPath(`accessibility-user-menu-${theme}.png`), fullPage: true });
        await page.keyboard.press('Escape');
      }
      await switchTheme({ page, theme: 'light' });
      await accountMenu.click();
      await page.getByRole('button', { name: 'API keys', exact: true }).click();
      await page.getByLabel('Name', { exact: true }).fill('Accessibility check');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('textbox', { name: 'New API key' }).waitFor();
      const created = await checkScreen({ page, screen: 'api-keys-created' });
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Revoke Accessibility check' }).click();
      await page.getByRole('button', { name: 'Revoke key' }).waitFor();
      const revoking = await checkScreen({ page, screen: 'api-keys-revoke' });
      await page.getByRole('button', { name: 'Revoke key' }).click();
      await page.getByText('You have no API keys yet.').waitFor();
      expect([menu, created, revoking]).toEqual([
        noViolations('user-menu'),
        noViolations('api-keys-created'),
        noViolations('api-keys-revoke'),
      ]);
    });

    it('the admin Users page', async () => {
      await openView('Users');
      await page.getByRole('rowheader', { name: /Local user/ }).waitFor();
      expect(await checkScreen({ page, screen: 'users' })).toEqual(noViolations('users'));
    });

    it('the approvals inbox with a write waiting', async () => {
      app.fake.script(
        {
          content: [
            { type: 'tool_use', name: 'shop__execute_statement', input: { sql: 'DELETE FROM products WHERE id = 4' } },
          ],
        },
        { content: [{ type: 'text', text: 'Product 4 stays.' }] },
      );
      // Asked by a program (JSON, no stream): its run waits for the decision made in the inbox, and ends,
      // so nothing of this script is left for the next screen's.
      const asked = fetch(`${app.url}/api/chat/message`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ message: 'Delete product 4.', datasources: ['shop'] }),
      });
      // The sidebar counts it within its refresh; the inbox asks at once.
      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('button', { name: /^Approvals/ })
        .click();
      const waiting = page.getByRole('article', { name: /execute_statement/ });
      await waiting.waitFor();
      const checked = await checkScreen({ page, screen: 'approvals' });
      await waiting.getByRole('button', { name: /^Deny/ }).click();
      await page.getByText('Nothing is waiting for you.').waitFor();
      const answer = (await (await asked).json()) as { answer: string };
      expect({ checked, answer: answer.answer }).toEqual({
        checked: noViolations('approvals'),
        answer: 'Product 4 stays.',
      });
    });

    it('the admin Datasources page: the list, adding one (kind, form with a problem), a read-only one, deleting', async () => {
      await page.goto(app.url);
      await openView('Datasources');
      const main = page.locator('main');
      await main.getByTestId('admin-datasource-shop').getByTestId('health-badge').waitFor();
      const list = await checkScreen({ page, screen: 'datasources' });
      await main.getByRole('button', { name: 'Add datasource' }).click();
      await main.getByRole('button', { name: /^MySQL/ }).waitFor();
      const kinds = await checkScreen({ page, screen: 'datasource-kinds' });
      await main.getByRole('button', { name: /^MySQL/ }).click();
      await main.getByRole('spinbutton', { name: 'MYSQL_PORT' }).fill('70000');
      await main.getByRole('button', { name: 'Save datasource' }).click();
      await main.getByRole('alert').waitFor();
      const form = await checkScreen({ page, screen: 'datasource-form' });
      await main.getByRole('button', { name: 'Cancel' }).click();
      await main.getByTestId('admin-datasource-shop').getByRole('button', { name: /View/ }).click();
      await main.getByText('From the config file — read-only').waitFor();
      const readOnly = await checkScreen({ page, screen: 'datasource-read-only' });
      await main.getByRole('button', { name: 'Back' }).click();
      const created = await fetch(`${app.url}/api/admin/datasources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'remote',
          name: 'Remote tickets',
          transport: 'http',
          url: 'http://127.0.0.1:9/mcp',
        }),
      });
      expect(created.status).toBe(201);
      // The modal dialog covers the theme toggle: opened again in each theme.
      const confirm: Record<string, unknown> = { screen: 'datasource-delete' };
      for (const theme of ['light', 'dark'] as const) {
        await switchTheme({ page, theme });
        await main.getByRole('button', { name: 'Delete Remote tickets' }).click();
        await main.getByRole('alertdialog', { name: 'Delete Remote tickets?' }).waitFor();
        confirm[theme] = await axeViolations({ page });
        await page.screenshot({ path: screenshotPath(`accessibility-datasource-delete-${theme}.png`), fullPage: true });
        if (theme === 'light') await page.keyboard.press('Escape');
      }
      await main.getByRole('alertdialog').getByRole('button', { name: 'Delete Remote tickets' }).click();
      await main.getByText('Deleted Remote tickets.').waitFor();
      await switchTheme({ page, theme: 'light' });
      expect([list, kinds, form, readOnly, confirm]).toEqual([
        noViolations('datasources'),
        noViolations('datasource-kinds'),
        noViolations('datasource-form'),
        noViolations('datasource-read-only'),
        noViolations('datasource-delete'),
      ]);
    });

    it('the admin Audit page, with an entry expanded', async () => {
      app.fake.script(
        {
          content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELECT COUNT(*) FROM products' } }],
        },
        { content: [{ type: 'text', text: 'Counted for the audit.' }] },
      );
      await openView('Chat');
      await send('How many products are there?');
      await page.getByText('Counted for the audit.').waitFor();
      await openView('Audit');
      const main = page.locator('main');
      const toolRun = main.locator('[data-testid="audit-entry"][data-action="tool_call"]').first();
      await toolRun.locator('summary').click();
      await main.getByRole('spinbutton', { name: 'Keep audit entries for (days)' }).waitFor();
      const audit = await checkScreen({ page, screen: 'audit' });
      await page.setViewportSize({ width: 390, height: 800 });
      const narrow = await checkScreen({ page, screen: 'audit-narrow' });
      await page.setViewportSize({ width: 1280, height: 900 });
      expect([audit, narrow]).toEqual([noViolations('audit'), noViolations('audit-narrow')]);
    });
  });

  describe('on a server that needs an API key and has no Anthropic key', () => {
    const apiKey = 'e2e-accessibility-key';
    let app: E2eApp;
    let page: Page;
    let opened: E2ePage | undefined;

    beforeAll(async () => {
      opened = await openE2ePage({ app: { sources: [], anthropicKey: false, env: { API_KEYS: apiKey } } });
      ({ app, page } = opened);
    }, 180_000);

    afterAll(() => opened?.stop());

    it('the API key prompt', async () => {
      await page.goto(app.url);
      await page.getByText('This server needs an API key').waitFor();
      expect(await checkScreen({ page, screen: 'api-key-prompt' })).toEqual(noViolations('api-key-prompt'));
    });

    it('the notice that chat needs an Anthropic key, shown before anything is sent', async () => {
      await page.getByLabel('API key').fill(apiKey);
      await page.keyboard.press('Enter');
      await page.getByText('This server needs an API key').waitFor({ state: 'detached' });
      await page
        .getByText(/Anthropic API key/)
        .first()
        .waitFor();
      expect(await checkScreen({ page, screen: 'missing-anthropic-key' })).toEqual(
        noViolations('missing-anthropic-key'),
      );
    });

    it('a narrow screen with the menu open', async () => {
      await page.setViewportSize({ width: 390, height: 800 });
      await page.getByRole('button', { name: /Menu/ }).click();
      expect(await checkScreen({ page, screen: 'narrow-menu' })).toEqual(noViolations('narrow-menu'));
    });
  });
});
