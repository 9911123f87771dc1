import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  fakeAlertRoutes,
  installFakeApi,
  renderWithQueryClient,
  type FakeRoutes,
} from '../../../test/fake-api.js';
import type { Alert } from './alert-types.js';
import { AlertsPanel } from './alerts-panel.js';

const lowStock: Alert = {
  id: 'al_1',
  schedule_id: 'sc_1',
  name: 'Low stock',
  condition: { type: 'column', column: 'stock', operator: '<', value: 10, match: 'any' },
  webhook: { url_hint: 'https://hooks.example.com/…', has_secret: true },
  email: { to: ['ops@example.com'] },
  quiet_hours: { start: '22:00', end: '07:00', timezone: 'Europe/Paris' },
  enabled: true,
  last_firing: {
    alert_id: 'al_1',
    alert_name: 'Low stock',
    fired_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    status: 'sent',
    message: '3 rows match',
  },
  created_at: '2026-11-01T08:00:00.000Z',
  updated_at: '2026-11-01T08:00:00.000Z',
};

const alertsPath = '/api/schedules/sc_1/alerts';

function setup(routes: FakeRoutes) {
  const api = installFakeApi(routes);
  const user = userEvent.setup();
  renderWithQueryClient(<AlertsPanel scheduleId="sc_1" />);
  return { api, user };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('AlertsPanel', () => {
  it('lists each alert with its condition in words, channels, quiet hours and last firing', async () => {
    const { api } = setup({ [`GET ${alertsPath}`]: { body: { alerts: [lowStock] } } });
    restore = api.restore;
    const item = await screen.findByRole('listitem', { name: 'Low stock' });
    expect(within(item).getByText('stock is less than 10 in any row')).toBeInTheDocument();
    expect(item).toHaveTextContent('Webhook https://hooks.example.com/… (signed) · Email ops@example.com');
    expect(item).toHaveTextContent('quiet 22:00–07:00 (Europe/Paris)');
    expect(item).toHaveTextContent('Last fired 5 minutes ago: Sent — 3 rows match');
    expect(within(item).getByText('On')).toBeInTheDocument();
  });

  it('creates an alert with a webhook and shows the generated secret once, with a copy button', async () => {
    let alerts: Alert[] = [];
    const { api, user } = setup({
      [`GET ${alertsPath}`]: () => ({ body: { alerts } }),
      [`POST ${alertsPath}`]: (request) => {
        const body = request.body as { name: string };
        const created = { ...lowStock, id: 'al_2', name: body.name, email: null, quiet_hours: null, last_firing: null };
        alerts = [created];
        return { status: 201, body: { ...created, webhook_secret: 'whsec_generated_0123456789' } };
      },
    });
    restore = api.restore;
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add alert' }));
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Too many failed orders');
    await user.clear(screen.getByRole('textbox', { name: /Value/ }));
    await user.type(screen.getByRole('textbox', { name: /Value/ }), '5');
    await user.type(screen.getByRole('textbox', { name: /Webhook URL/ }), 'https://hooks.example.com/services/T1/B2');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));

    const secret = await screen.findByRole('textbox', { name: 'Webhook signing secret' });
    expect(secret).toHaveValue('whsec_generated_0123456789');
    expect(secret).toHaveFocus();
    expect(secret).toHaveAccessibleDescription(/you won’t see it again/);
    expect(screen.getByRole('button', { name: 'Copy the webhook signing secret' })).toBeInTheDocument();
    const post = api.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({
      name: 'Too many failed orders',
      condition: { type: 'row_count', operator: '>', value: 5 },
      webhook: { url: 'https://hooks.example.com/services/T1/B2' },
      email: null,
      quiet_hours: null,
      enabled: true,
    });
    expect(await screen.findByRole('listitem', { name: 'Too many failed orders' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'Webhook signing secret' })).not.toBeInTheDocument();
  });

  it('shows the server refusing email without SMTP next to the recipients', async () => {
    const { api, user } = setup({
      [`GET ${alertsPath}`]: { body: { alerts: [] } },
      [`POST ${alertsPath}`]: apiError({
        status: 400,
        code: 'email_not_configured',
        message: 'Email alerts need SMTP_URL on the server.',
      }),
    });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Add alert' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Failures');
    await user.selectOptions(screen.getByRole('combobox', { name: 'When' }), 'failed');
    expect(screen.queryByRole('textbox', { name: /Value/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Webhook/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Email' }));
    await user.type(screen.getByRole('textbox', { name: /Recipients/ }), 'ops@example.com, cto@example.com');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    const recipients = screen.getByRole('textbox', { name: /Recipients/ });
    await waitFor(() => expect(recipients).toHaveAccessibleDescription(/Email alerts need SMTP_URL on the server\./));
    expect(recipients).toHaveAttribute('aria-invalid', 'true');
    expect(recipients).toHaveFocus();
    expect(api.requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      condition: { type: 'failed' },
      webhook: null,
      email: { to: ['ops@example.com', 'cto@example.com'] },
    });
  });

  it('shows a refused private webhook address next to the URL', async () => {
    const { api, user } = setup({
      [`GET ${alertsPath}`]: { body: { alerts: [] } },
      [`POST ${alertsPath}`]: apiError({
        status: 400,
        code: 'webhook_address_refused',
        message: 'The webhook resolves to a private address (127.0.0.1), which this server does not call.',
      }),
    });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Add alert' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Local');
    await user.type(screen.getByRole('textbox', { name: /Webhook URL/ }), 'http://127.0.0.1:9000/hook');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    const url = screen.getByRole('textbox', { name: /Webhook URL/ });
    await waitFor(() => expect(url).toHaveAccessibleDescription(/private address \(127\.0\.0\.1\)/));
  });

  it('checks the form before sending: a channel is needed, text compares only with is / is not', async () => {
    const { api, user } = setup({ [`GET ${alertsPath}`]: { body: { alerts: [] } } });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Add alert' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Status');
    await user.selectOptions(screen.getByRole('combobox', { name: 'When' }), 'column');
    await user.type(screen.getByRole('textbox', { name: /Column/ }), 'status');
    await user.clear(screen.getByRole('textbox', { name: /Value/ }));
    await user.type(screen.getByRole('textbox', { name: /Value/ }), 'failed');
    await user.type(screen.getByRole('textbox', { name: /Webhook URL/ }), 'https://hooks.example.com/x');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    expect(screen.getByRole('textbox', { name: /Value/ })).toHaveAccessibleDescription(/Text is compared with “is”/);
    await user.click(screen.getByRole('checkbox', { name: /Webhook/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Comparison' }), '==');
    await user.click(screen.getByRole('button', { name: 'Create alert' }));
    expect(screen.getByRole('checkbox', { name: /Webhook/ })).toHaveAccessibleDescription(
      'Choose a webhook, email, or both to notify.',
    );
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('edits an alert without resending its stored webhook, and turns it off', async () => {
    const { api, user } = setup({
      [`GET ${alertsPath}`]: { body: { alerts: [lowStock] } },
      [`PATCH ${alertsPath}/al_1`]: (request) => ({ body: { ...lowStock, ...(request.body as object) } }),
    });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Edit Low stock' }));
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveValue('Low stock');
    expect(screen.getByRole('textbox', { name: /Column/ })).toHaveValue('stock');
    expect(screen.getByText('https://hooks.example.com/…')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Recipients/ })).toHaveValue('ops@example.com');
    expect(screen.getByRole('checkbox', { name: /Quiet hours/ })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Enabled' }));
    await user.click(screen.getByRole('button', { name: 'Save alert' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save alert' })).not.toBeInTheDocument());
    const patch = api.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({
      name: 'Low stock',
      condition: { type: 'column', column: 'stock', operator: '<', value: 10, match: 'any' },
      email: { to: ['ops@example.com'] },
      quiet_hours: { start: '22:00', end: '07:00', timezone: 'Europe/Paris' },
      enabled: false,
    });
    expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus();
  });

  it('replaces the webhook on edit when asked to', async () => {
    const { api, user } = setup({
      [`GET ${alertsPath}`]: { body: { alerts: [lowStock] } },
      [`PATCH ${alertsPath}/al_1`]: { body: lowStock },
    });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Edit Low stock' }));
    await user.click(screen.getByRole('button', { name: 'Replace webhook' }));
    expect(screen.getByRole('textbox', { name: /Webhook URL/ })).toHaveValue('');
    await user.type(screen.getByRole('textbox', { name: /Webhook URL/ }), 'https://hooks.example.com/new');
    await user.click(screen.getByRole('button', { name: 'Save alert' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === 'PATCH')?.body).toMatchObject({
        webhook: { url: 'https://hooks.example.com/new' },
      }),
    );
  });

  it('sends a test and shows what each channel answered', async () => {
    const { api, user } = setup({
      [`GET ${alertsPath}`]: { body: { alerts: [lowStock] } },
      [`POST ${alertsPath}/al_1/test`]: {
        body: {
          deliveries: [
            { channel: 'webhook', ok: true, status: 200, error: null },
            { channel: 'email', ok: false, status: 550, error: 'mailbox unavailable' },
          ],
        },
      },
    });
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Send test of Low stock' }));
    const results = await screen.findByRole('list', { name: 'Test results' });
    expect(results).toHaveTextContent('Webhook: sent (HTTP 200)');
    expect(results).toHaveTextContent('Email: failed (SMTP 550) — mailbox unavailable');
  });

  it('deletes an alert after confirming', async () => {
    const fake = fakeAlertRoutes({ alerts: [lowStock] });
    const { api, user } = setup(fake.routes);
    restore = api.restore;
    await user.click(await screen.findByRole('button', { name: 'Delete Low stock' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the alert “Low stock”?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete alert' }));
    expect(await screen.findByText(/No alerts yet/)).toBeInTheDocument();
    expect(fake.alerts()).toEqual([]);
  });

  it('is used by keyboard alone: add, fill in, create, send a test', async () => {
    const fake = fakeAlertRoutes();
    const { api, user } = setup(fake.routes);
    restore = api.restore;
    await screen.findByText(/No alerts yet/);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add alert' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('Nightly check');
    // Name, When, Comparison, Value, Webhook, Webhook URL.
    await user.tab();
    await user.tab();
    await user.tab();
    await user.keyboard('{Control>}a{/Control}3');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('textbox', { name: /Webhook URL/ })).toHaveFocus();
    await user.keyboard('https://hooks.example.com/nightly{Enter}');
    expect(await screen.findByRole('textbox', { name: 'Webhook signing secret' })).toHaveFocus();
    expect(fake.alerts()).toMatchObject([
      { name: 'Nightly check', condition: { type: 'row_count', operator: '>', value: 3 }, schedule_id: 'sc_1' },
    ]);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const sendTest = await screen.findByRole('button', { name: 'Send test of Nightly check' });
    sendTest.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('list', { name: 'Test results' })).toHaveTextContent('Webhook: sent (HTTP 200)');
  });
});
