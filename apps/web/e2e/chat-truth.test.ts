/**
 * @jest-environment node
 */
import type { Page } from 'playwright-core';
import { errorCodeMessage } from '../src/explorer/error-code-message.js';
import { screenshotPath } from './screenshot-path.js';
import { openE2ePage, type E2ePage } from './open-e2e-page.js';
import type { E2eApp } from './start-e2e-app.js';

// The chat tells the truth (#14): sources' real health, the selection that belongs to the chat, reopened
// chats as they were seen, a good first minute, and a failed run that can be retried.

const shopExample = 'Which tables are in this database, and what does each one hold?';

describe('the chat tells the truth, in Chromium over the real API and sandbox', () => {
  let app: E2eApp;
  let page: Page;
  let opened: E2ePage | undefined;
  const screenshot = (name: string) =>
    page.screenshot({ path: screenshotPath(`chat-truth-${name}.png`), fullPage: true });
  const send = async (message: string) => {
    await page.getByRole('textbox', { name: 'Message' }).fill(message);
    await page.keyboard.press('Enter');
  };
  const sessionButton = (title: string) =>
    page.getByRole('region', { name: 'Chats' }).getByRole('button', { name: title, exact: true });
  const filesCheckbox = () => page.getByRole('checkbox', { name: 'Files in S3' });
  const shopCheckbox = () => page.getByRole('checkbox', { name: 'Shop database' });
  const toolNamesOfLastRequest = () => (app.fake.requests.at(-1)?.tools ?? []).map((tool) => tool.name);

  beforeAll(async () => {
    // Health checked every second, so a stopped source is seen within the web's own refresh.
    opened = await openE2ePage({ app: { healthCheckIntervalMs: 1_000 }, timeoutMs: 20_000 });
    ({ app, page } = opened);
  }, 180_000);

  afterAll(() => opened?.stop());

  it('offers example questions per connected datasource, and one click asks it', async () => {
    app.fake.script({ content: [{ type: 'text', text: 'The shop has products, customers and orders.' }] });
    await page.goto(app.url);
    // Each source's first check runs its connector once: examples appear for the sources that answered.
    for (const id of ['shop', 'files'])
      await page
        .getByTestId(`datasource-${id}`)
        .locator('[data-testid="health-badge"][data-status="connected"]')
        .waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Try with Files in S3' }).waitFor();
    const shopExamples = page.getByRole('region', { name: 'Try with Shop database' });
    expect(await shopExamples.getByRole('button').count()).toBeGreaterThan(0);
    // The length counter is there from the start.
    expect(await page.getByTestId('message-length').textContent()).toBe('0 / 20,000');
    await screenshot('first-minute');
    await shopExamples.getByRole('button', { name: shopExample }).click();
    await page.getByText('The shop has products, customers and orders.').waitFor();
    expect(await page.getByTestId('user-message').textContent()).toBe(shopExample);
    const asked = app.fake.requests.at(-1)!.messages.at(-1)!;
    expect(JSON.stringify(asked.content)).toContain(shopExample);
  }, 120_000);

  it('keeps the selection with each chat across a reload and a switch, and asks only the selected sources', async () => {
    await page.getByRole('button', { name: '+ New chat' }).click();
    // A new chat starts from the last selection used: both sources.
    expect(await shopCheckbox().isChecked()).toBe(true);
    expect(await filesCheckbox().isChecked()).toBe(true);
    await filesCheckbox().uncheck();
    const header = page.getByTestId('chat-sources');
    expect(await header.textContent()).not.toContain('Files in S3');
    app.fake.script({ content: [{ type: 'text', text: 'Only the shop was asked.' }] });
    await send('Only the shop, please.');
    await page.getByText('Only the shop was asked.').waitFor();
    expect(toolNamesOfLastRequest().length).toBeGreaterThan(0);
    expect(toolNamesOfLastRequest().every((name) => name.startsWith('shop__'))).toBe(true);

    await page.reload();
    await page.getByText('Only the shop was asked.').waitFor();
    await page.getByTestId('chat-source-shop').waitFor();
    expect(await filesCheckbox().isChecked()).toBe(false);
    expect(await shopCheckbox().isChecked()).toBe(true);
    expect(await page.getByTestId('chat-source-files').count()).toBe(0);
    await screenshot('selection-after-reload');

    // Another chat with both sources, chosen in the chat's header this time.
    await page.getByRole('button', { name: '+ New chat' }).click();
    expect(await filesCheckbox().isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Change sources' }).click();
    await page
      .getByRole('group', { name: 'Datasources this chat uses' })
      .getByRole('checkbox', { name: 'Files in S3' })
      .check();
    await page.getByRole('button', { name: 'Done' }).click();
    app.fake.script({ content: [{ type: 'text', text: 'Both sources were asked.' }] });
    await send('Both sources, please.');
    await page.getByText('Both sources were asked.').waitFor();
    expect(new Set(toolNamesOfLastRequest().map((name) => name.split('__')[0]))).toEqual(new Set(['shop', 'files']));

    await sessionButton('Only the shop, please.').click();
    await page.getByText('Only the shop was asked.').waitFor();
    expect(await filesCheckbox().isChecked()).toBe(false);
    await sessionButton('Both sources, please.').click();
    await page.getByText('Both sources were asked.').waitFor();
    expect(await filesCheckbox().isChecked()).toBe(true);
    await page.getByTestId('chat-source-files').waitFor();

    // The server keeps them: what any other browser would see.
    const { sessions } = (await (await fetch(`${app.url}/api/chat/sessions`)).json()) as {
      sessions: Array<{ title: string; datasources: string[] }>;
    };
    const selectionOf = (title: string) => sessions.find((session) => session.title === title)?.datasources;
    expect(selectionOf('Only the shop, please.')).toEqual(['shop']);
    expect(new Set(selectionOf('Both sources, please.'))).toEqual(new Set(['shop', 'files']));
  }, 120_000);

  it('reopens a chat with its last cards open and their rows, and the tokens and cost line', async () => {
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
      { content: [{ type: 'text', text: 'The three dearest products are above.' }] },
    );
    await send('Which three products cost the most?');
    await page.getByText('The three dearest products are above.').waitFor();
    const usage = page.getByTestId('usage-line').last();
    const usageText = await usage.textContent();
    expect(usageText).toMatch(/[\d,]+ in .*· [\d,]+ out · ≈ \$\d/);

    await page.reload();
    await page.getByText('The three dearest products are above.').waitFor();
    const card = page.getByRole('article', { name: /Tool call execute_query/ }).last();
    expect(await card.getByRole('button', { name: 'Hide details' }).getAttribute('aria-expanded')).toBe('true');
    expect(await card.getByRole('table').getByRole('row').count()).toBe(4);
    expect(await page.getByTestId('usage-line').last().textContent()).toBe(usageText);
    await screenshot('reopened-chat');
  }, 60_000);

  it("names a failed call's error code in plain words on its card", async () => {
    app.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_query', input: { sql: 'SELEC title FROM products' } }] },
      { content: [{ type: 'text', text: 'That query was not valid.' }] },
    );
    await send('Try a broken query.');
    await page.getByText('That query was not valid.').waitFor();
    const card = page.getByRole('article', { name: /Tool call execute_query/ }).last();
    expect(await card.getByRole('status').textContent()).toContain('Failed');
    const line = card.getByTestId('tool-error-code');
    const code = (await line.locator('code').textContent()) ?? '';
    // The connector's own code, as the kit sent it: nothing guessed from the text.
    expect(code).toMatch(/^[A-Z_]+$/);
    expect(await line.textContent()).toContain(errorCodeMessage({ code }));
    await screenshot('tool-error-code');
  }, 60_000);

  it('shows a selected source that goes down as unreachable, with a banner naming it and the reason', async () => {
    expect(await filesCheckbox().isChecked()).toBe(true);
    const badge = (status: string) => `[data-testid="health-badge"][data-status="${status}"]`;
    await page.getByTestId('datasource-files').locator(badge('connected')).waitFor();
    await app.stopSource('files');
    const files = page.getByTestId('datasource-files');
    await files.locator(badge('unreachable')).waitFor({ timeout: 45_000 });
    expect(await files.textContent()).toContain('Unreachable');
    const banner = page.getByRole('alert').filter({ hasText: 'Files in S3 (sandbox) is unreachable' });
    await banner.waitFor();
    const reason = await files.getByTestId('health-reason').textContent();
    expect(reason?.length).toBeGreaterThan(5);
    expect(await banner.textContent()).toContain(reason);
    // The shop is still up, and says so.
    expect(await page.getByTestId('datasource-shop').getByTestId('health-badge').getAttribute('data-status')).toBe(
      'connected',
    );
    await screenshot('source-down');
    // Not using it in this chat any more clears the banner.
    await banner.getByRole('button', { name: 'Stop using it in this chat' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await filesCheckbox().isChecked()).toBe(false);
  }, 90_000);
});

describe('without an Anthropic key, the chat says so before anything is sent', () => {
  let app: E2eApp;
  let page: Page;
  let opened: E2ePage | undefined;

  beforeAll(async () => {
    opened = await openE2ePage({ app: { anthropicKey: false, sources: ['shop'] }, timeoutMs: 20_000 });
    ({ app, page } = opened);
  }, 180_000);

  afterAll(() => opened?.stop());

  it('shows the missing-key notice first and lets nothing be sent that could only fail', async () => {
    await page.goto(app.url);
    await page
      .getByRole('alert')
      .filter({ hasText: /^The chat cannot answer yet/ })
      .waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill('Top customers?');
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('user-message').count()).toBe(0);
    expect(
      await page
        .getByRole('button', { name: 'Which tables are in this database, and what does each one hold?' })
        .isDisabled(),
    ).toBe(true);
    await page.screenshot({ path: screenshotPath('chat-truth-missing-key.png'), fullPage: true });
  }, 60_000);

  it('reopens a run that failed for the missing key with its question, the error and Retry', async () => {
    // A client that did not ask first (or a key removed since): the run fails and is stored as failed.
    const response = await fetch(`${app.url}/api/chat/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ message: 'Which customers spent the most?', datasources: ['shop'] }),
    });
    const { sessionId } = (await response.json()) as { sessionId: string };
    await page.goto(`${app.url}/?session=${encodeURIComponent(sessionId)}`);
    await page.getByTestId('user-message').filter({ hasText: 'Which customers spent the most?' }).waitFor();
    const error = page.getByRole('alert').filter({ hasText: /^No Anthropic API key is set on the server/ });
    await error.waitFor();
    await page.screenshot({ path: screenshotPath('chat-truth-reopened-failed-run.png'), fullPage: true });
    // Retry asks the server first; with still no key, nothing is sent again.
    await error.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('status').filter({ hasText: 'Not sent again' }).waitFor();
    expect(await page.getByTestId('user-message').count()).toBe(1);
  }, 60_000);
});
