/**
 * @jest-environment node
 */
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

/**
 * A whole chat by keyboard alone: no click, no fill; Tab, Shift+Tab, Enter, Space and typing only. Every
 * control reached shows where the focus is.
 */
describe('a whole chat by keyboard alone', () => {
  let app: E2eApp;
  let page: Page;
  let opened: E2ePage | undefined;

  beforeAll(async () => {
    opened = await openE2ePage();
    ({ app, page } = opened);
  }, 180_000);

  afterAll(() => opened?.stop());

  const isFocused = (target: Locator) =>
    target.evaluate((element) => element === document.activeElement).catch(() => false);

  /** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
  async function tabTo({
    target,
    backwards = false,
    limit = 80,
  }: {
    target: Locator;
    backwards?: boolean;
    limit?: number;
  }) {
    await target.waitFor();
    for (let presses = 0; presses < limit; presses += 1) {
      if (await isFocused(target)) return presses;
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    if (await isFocused(target)) return limit;
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
    throw new Error(
      `${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}; focus is on ${focused}`,
    );
  }

  /** The focused element draws a visible indicator (an outline or a ring), as :focus-visible shows it. */
  async function expectVisibleFocus(target: Locator) {
    const indicator = await target.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
        ring: style.boxShadow !== 'none',
      };
    });
    expect(indicator.outline || indicator.ring).toBe(true);
  }

  async function typeQuestion(question: string) {
    const composer = page.getByRole('textbox', { name: 'Message' });
    await tabTo({ target: composer, limit: 120 });
    await expectVisibleFocus(composer);
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
  }

  it('asks, reads the tool card and its table, opens the chart, and approves a write', async () => {
    await page.goto(app.url);
    await page.getByRole('checkbox', { name: /Shop database/ }).waitFor();

    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_query',
            input: { sql: 'SELECT title, price, stock FROM products ORDER BY price DESC LIMIT 4' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The four most expensive products are in the table.' }] },
    );
    await typeQuestion('Which four products cost the most?');
    await page.getByText('The four most expensive products are in the table.').waitFor();
    const card = page.getByRole('article', { name: /execute_query/ }).last();
    await card.getByRole('status').filter({ hasText: 'Done' }).waitFor();

    // The card's details: folded and unfolded again with the keyboard.
    const toggle = card.getByRole('button', { name: /details/ });
    await tabTo({ target: toggle, backwards: true });
    await expectVisibleFocus(toggle);
    const expanded = await toggle.getAttribute('aria-expanded');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([element, before]) => element?.getAttribute('aria-expanded') !== before, [
      await toggle.elementHandle(),
      expanded,
    ] as const);
    if (expanded === 'true') await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // The table: its column headers sort with Enter.
    const table = card.getByRole('table');
    const sortByPrice = table.getByRole('button', { name: /price/i });
    await tabTo({ target: sortByPrice });
    await expectVisibleFocus(sortByPrice);
    const pricesBefore = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      ([element, before]) =>
        JSON.stringify(
          [...(element?.querySelectorAll('tbody tr td:nth-child(2)') ?? [])].map((cell) => cell.textContent),
        ) !== before,
      [await table.elementHandle(), JSON.stringify(pricesBefore)] as const,
    );
    await page.screenshot({ path: screenshotPath('keyboard-table-sorted.png'), fullPage: true });

    // The chart, opened from the table's toolbar.
    const chartButton = card.getByRole('button', { name: 'Chart', exact: true });
    await tabTo({ target: chartButton, backwards: true });
    await expectVisibleFocus(chartButton);
    await page.keyboard.press('Space');
    expect(await chartButton.getAttribute('aria-pressed')).toBe('true');
    await card.locator('svg.recharts-surface').first().waitFor();
    await page.screenshot({ path: screenshotPath('keyboard-chart.png'), fullPage: true });

    // A write, approved from the keyboard.
    app.fake.script(
      {
        content: [
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: 'UPDATE products SET stock = stock + 1 WHERE id = 4' },
          },
        ],
      },
      { content: [{ type: 'text', text: 'The stock of product 4 is one higher.' }] },
    );
    const stockBefore = await stockOf(4);
    await typeQuestion('Add one to the stock of product 4.');
    const approval = page.getByRole('alertdialog');
    await approval.waitFor();
    const approve = approval.getByRole('button', { name: 'Approve' });
    await tabTo({ target: approve, limit: 120 });
    await expectVisibleFocus(approve);
    await page.screenshot({ path: screenshotPath('keyboard-approval.png'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.getByText('The stock of product 4 is one higher.').waitFor();
    expect(await stockOf(4)).toBe(stockBefore + 1);
  });

  async function stockOf(id: number): Promise<number> {
    const response = await fetch(`${app.url}/api/datasources/shop/tools/execute_query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ arguments: { sql: `SELECT stock FROM products WHERE id = ${id}` } }),
    });
    const body = (await response.json()) as { structuredContent: { rows: unknown[][] } };
    return Number(body.structuredContent.rows[0]![0]);
  }
});
