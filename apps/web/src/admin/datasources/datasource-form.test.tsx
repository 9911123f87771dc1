import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminDatasource } from './admin-datasource-types.js';
import { appShop, fileFiles, jiraKind, mysqlKind, remoteTickets } from './admin-test-data.js';
import { DatasourceForm } from './datasource-form.js';
import type { DatasourceTarget } from './datasource-form-state.js';
import {
  apiError,
  installFakeApiFetch,
  removeFakeApiFetch,
  type FakeApiAnswer,
  type FakeApiRequest,
} from './fake-api-fetch.js';

function renderForm({
  target,
  datasource,
  answer = () => undefined,
}: {
  target: DatasourceTarget;
  datasource?: AdminDatasource;
  answer?: (request: FakeApiRequest) => FakeApiAnswer | undefined;
}) {
  const api = installFakeApiFetch({ answer });
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });
  const closed: Array<AdminDatasource | undefined> = [];
  render(
    <QueryClientProvider client={client}>
      <DatasourceForm target={target} datasource={datasource} onClose={(saved) => closed.push(saved)} />
    </QueryClientProvider>,
  );
  return { api, client, closed, user: userEvent.setup() };
}

const savedAs = (body: unknown): FakeApiAnswer => ({ status: 201, body: { ...appShop, ...(body as object) } });

describe('DatasourceForm for a connector kind', () => {
  afterEach(removeFakeApiFetch);

  it('builds a control per variable: help, default or example as placeholder, number bounds, choices, checkbox, password', async () => {
    const { user } = renderForm({ target: { type: 'connector', kind: mysqlKind } });
    const host = screen.getByRole('textbox', { name: 'MYSQL_HOST' });
    expect(host).toHaveAccessibleDescription('Server host name (default 127.0.0.1).');
    expect(host).toHaveAttribute('placeholder', 'e.g. db.example.com');
    expect(host).not.toBeRequired();
    const port = screen.getByRole('spinbutton', { name: 'MYSQL_PORT' });
    expect(port).toHaveAttribute('min', '1');
    expect(port).toHaveAttribute('max', '65535');
    expect(port).toHaveAttribute('placeholder', 'default: 3306');
    // The variables every connector has are folded until asked for.
    expect(screen.queryByRole('combobox', { name: 'LOG_LEVEL' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the settings every connector has (1)' }));
    const level = screen.getByRole('combobox', { name: 'LOG_LEVEL' });
    expect(
      within(level)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Default (info)', 'debug', 'info', 'warn', 'error']);
    // A boolean is a checkbox in its default state.
    expect(screen.getByRole('checkbox', { name: 'MYSQL_SSL_REJECT_UNAUTHORIZED' })).toBeChecked();
    const url = screen.getByLabelText('MYSQL_URL');
    expect(url).toHaveAttribute('type', 'password');
    expect(url).toHaveValue('');
    expect(url).toHaveAttribute('autocomplete', 'new-password');
  });

  it('marks required variables, refuses to save without them and says so next to the field', async () => {
    const { api, user } = renderForm({ target: { type: 'connector', kind: jiraKind } });
    const baseUrl = screen.getByRole('textbox', { name: /JIRA_BASE_URL/ });
    expect(baseUrl).toBeRequired();
    expect(screen.getByLabelText(/JIRA_API_TOKEN/)).toBeRequired();
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Support desk');
    // The id follows the name until someone types one.
    expect(screen.getByRole('textbox', { name: /^Id/ })).toHaveValue('support-desk');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('2 fields need attention.');
    expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    expect(baseUrl).toHaveAccessibleDescription(expect.stringContaining('JIRA_BASE_URL is required.'));
    expect(screen.getByLabelText(/JIRA_API_TOKEN/)).toHaveAccessibleDescription(
      expect.stringContaining('JIRA_API_TOKEN is required.'),
    );
    expect(api.requests).toHaveLength(0);
  });

  it('checks the id like the API and numbers against their bounds', async () => {
    const { api, user } = renderForm({ target: { type: 'connector', kind: mysqlKind } });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Shop');
    const id = screen.getByRole('textbox', { name: /^Id/ });
    await user.clear(id);
    await user.type(id, 'Shop DB');
    await user.type(screen.getByRole('spinbutton', { name: 'MYSQL_PORT' }), '70000');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    expect(id).toHaveAccessibleDescription(expect.stringContaining('Use lowercase letters, digits, _ and -'));
    expect(screen.getByRole('spinbutton', { name: 'MYSQL_PORT' })).toHaveAccessibleDescription(
      expect.stringContaining('MYSQL_PORT must be at most 65535.'),
    );
    expect(api.requests).toHaveLength(0);
  });

  it('creates the datasource with settings, secrets, instructions, examples and access as the API takes them', async () => {
    const { api, closed, user } = renderForm({
      target: { type: 'connector', kind: mysqlKind },
      answer: (request) => (request.method === 'POST' ? savedAs(request.body) : undefined),
    });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Shop (EU)');
    await user.type(screen.getByLabelText('MYSQL_URL'), 'mysql://reader:pa ss@db:3306/shop');
    await user.type(screen.getByRole('textbox', { name: 'MYSQL_HOST' }), ' db.internal ');
    await user.click(screen.getByRole('checkbox', { name: 'MYSQL_SSL_REJECT_UNAUTHORIZED' }));
    await user.click(screen.getByRole('button', { name: /Show the settings every connector has/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'LOG_LEVEL' }), 'debug');
    await user.type(screen.getByRole('textbox', { name: 'Instructions for the model' }), 'Prices are in cents.');
    await user.type(screen.getByRole('textbox', { name: 'Example questions' }), 'Best sellers?{Enter}{Enter}Stock?');
    await user.type(screen.getByRole('textbox', { name: 'Who may use it' }), 'analysts, finance,analysts');
    const timeout = screen.getByRole('spinbutton', { name: /Call timeout/ });
    await user.clear(timeout);
    await user.type(timeout, '30');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    await screen.findByRole('button', { name: 'Save datasource' });
    expect(api.sent({ method: 'POST', path: '/api/admin/datasources' }).map((request) => request.body)).toEqual([
      {
        id: 'shop-eu',
        name: 'Shop (EU)',
        kind: 'mysql',
        transport: 'stdio',
        enabled: true,
        callTimeoutMs: 30_000,
        access: { use: ['analysts', 'finance'], approve: null },
        systemPrompt: 'Prices are in cents.',
        examples: ['Best sellers?', 'Stock?'],
        settings: { MYSQL_HOST: 'db.internal', MYSQL_SSL_REJECT_UNAUTHORIZED: 'false', LOG_LEVEL: 'debug' },
        secrets: { MYSQL_URL: 'mysql://reader:pa ss@db:3306/shop' },
      },
    ]);
    expect(closed.map((saved) => saved?.id)).toEqual(['shop-eu']);
  });

  it('shows the API’s refusal next to the variable it names', async () => {
    const { user } = renderForm({
      target: { type: 'connector', kind: mysqlKind },
      answer: () =>
        apiError({
          status: 400,
          code: 'invalid_request',
          message: 'MYSQL_HOST: not a host name',
          details: [{ path: 'settings.MYSQL_HOST', message: 'MYSQL_HOST: not a host name' }],
        }),
    });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Shop');
    await user.type(screen.getByRole('textbox', { name: 'MYSQL_HOST' }), 'bad host');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    const host = screen.getByRole('textbox', { name: 'MYSQL_HOST' });
    await screen.findByText('MYSQL_HOST: not a host name');
    expect(host).toHaveAttribute('aria-invalid', 'true');
    expect(host).toHaveAccessibleDescription(expect.stringContaining('MYSQL_HOST: not a host name'));
    expect(screen.getByRole('alert')).toHaveTextContent('The server did not accept this');
  });

  it('tests an unsaved datasource from the form and says how it went in words', async () => {
    const { api, user } = renderForm({
      target: { type: 'connector', kind: mysqlKind },
      answer: (request) =>
        request.path === '/api/admin/datasources/test'
          ? {
              body: {
                datasourceId: 'shop',
                status: 'error',
                toolCount: 0,
                latencyMs: 12,
                error: 'Access denied for user reader.',
              },
            }
          : undefined,
    });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Shop');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByTestId('connection-test-result')).toHaveTextContent(
      'Could not connect: Access denied for user reader.',
    );
    expect(api.sent({ method: 'POST', path: '/api/admin/datasources/test' })[0]?.body).toMatchObject({
      id: 'shop',
      kind: 'mysql',
    });
  });

  describe('editing a saved datasource', () => {
    it('shows stored secrets as “Set — replace”, never a value, and sends only what changed', async () => {
      const { api, user } = renderForm({
        target: { type: 'connector', kind: mysqlKind },
        datasource: appShop,
        answer: (request) => (request.method === 'PATCH' ? { body: appShop } : undefined),
      });
      expect(screen.getByRole('textbox', { name: /^Id/ })).toBeDisabled();
      expect(screen.getByRole('textbox', { name: 'MYSQL_HOST' })).toHaveValue('db.internal');
      expect(screen.getByRole('checkbox', { name: 'MYSQL_SSL_REJECT_UNAUTHORIZED' })).not.toBeChecked();
      expect(screen.getByRole('textbox', { name: 'Who may use it' })).toHaveValue('analysts');
      expect(screen.getByRole('spinbutton', { name: /Call timeout/ })).toHaveValue(30);
      // The stored password: a button, no input with a value anywhere.
      const replace = screen.getByRole('button', { name: 'MYSQL_PASSWORD: set — replace' });
      expect(replace).toHaveTextContent('Set — replace');
      for (const input of document.querySelectorAll('input[type="password"]')) expect(input).toHaveValue('');
      await user.click(replace);
      const password = screen.getByLabelText('MYSQL_PASSWORD');
      expect(password).toHaveFocus();
      expect(password).toHaveValue('');
      await user.type(password, 'n3w-secret');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await screen.findByRole('button', { name: 'Save changes' });
      expect(
        api.sent({ method: 'PATCH', path: '/api/admin/datasources/shop-eu' }).map((request) => request.body),
      ).toEqual([
        {
          name: 'Shop EU',
          enabled: true,
          callTimeoutMs: 30_000,
          access: { use: ['analysts'], approve: null },
          systemPrompt: 'Prices are in cents.',
          examples: ['Which products sell best?'],
          settings: { MYSQL_HOST: 'db.internal', MYSQL_SSL_REJECT_UNAUTHORIZED: 'false' },
          secrets: { MYSQL_PASSWORD: 'n3w-secret' },
        },
      ]);
    });

    it('leaves stored secrets alone unless replaced, and clears one on request', async () => {
      const { api, user } = renderForm({
        target: { type: 'connector', kind: mysqlKind },
        datasource: appShop,
        answer: (request) => (request.method === 'PATCH' ? { body: appShop } : undefined),
      });
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await user.click(screen.getByRole('button', { name: 'Clear MYSQL_PASSWORD' }));
      expect(screen.getByText('Cleared when you save')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await screen.findByRole('button', { name: 'Save changes' });
      const bodies = api
        .sent({ method: 'PATCH', path: '/api/admin/datasources/shop-eu' })
        .map((request) => request.body);
      expect(bodies[0]).not.toHaveProperty('secrets');
      expect(bodies[1]).toMatchObject({ secrets: { MYSQL_PASSWORD: null } });
    });

    it('tests the saved datasource by its id', async () => {
      const { api, user } = renderForm({
        target: { type: 'connector', kind: mysqlKind },
        datasource: appShop,
        answer: (request) =>
          request.path === '/api/admin/datasources/shop-eu/test'
            ? { body: { datasourceId: 'shop-eu', status: 'ok', toolCount: 7, latencyMs: 41.6 } }
            : undefined,
      });
      await user.click(screen.getByRole('button', { name: 'Test connection' }));
      expect(await screen.findByTestId('connection-test-result')).toHaveTextContent('Connected in 42 ms · 7 tools');
      expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'POST /api/admin/datasources/shop-eu/test',
      ]);
    });
  });

  it('shows a file datasource read-only: every field disabled, no save', () => {
    renderForm({
      target: { type: 'connector', kind: { ...mysqlKind, kind: 's3', title: 'S3', variables: [] } },
      datasource: fileFiles,
    });
    expect(screen.getByText('From the config file — read-only')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Instructions for the model' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  });
});

describe('DatasourceForm for a remote MCP server', () => {
  afterEach(removeFakeApiFetch);

  it('takes a URL and headers with secret values', async () => {
    const { api, user } = renderForm({
      target: { type: 'remote' },
      answer: (request) => (request.method === 'POST' ? savedAs(request.body) : undefined),
    });
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Tickets');
    const url = screen.getByRole('textbox', { name: /Server URL/ });
    await user.type(url, 'ftp://mcp.example.com');
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByRole('textbox', { name: 'Header 1 name' }), 'Authorization');
    const value = screen.getByLabelText('Authorization value');
    expect(value).toHaveAttribute('type', 'password');
    await user.type(value, 'Bearer abc');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    expect(url).toHaveAccessibleDescription(expect.stringContaining('starting with https:// or http://'));
    expect(api.requests).toHaveLength(0);
    await user.clear(url);
    await user.type(url, 'https://mcp.example.com/mcp');
    await user.click(screen.getByRole('button', { name: 'Save datasource' }));
    await screen.findByRole('button', { name: 'Save datasource' });
    expect(api.sent({ method: 'POST', path: '/api/admin/datasources' })[0]?.body).toEqual({
      id: 'tickets',
      name: 'Tickets',
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      headers: { Authorization: 'Bearer abc' },
      enabled: true,
      callTimeoutMs: 60_000,
      access: { use: null, approve: null },
    });
  });

  it('keeps a stored header unless replaced, and clears a removed one', async () => {
    const { api, user } = renderForm({
      target: { type: 'remote' },
      datasource: remoteTickets,
      answer: (request) => (request.method === 'PATCH' ? { body: remoteTickets } : undefined),
    });
    expect(screen.getByRole('textbox', { name: 'Header 1 name' })).toHaveValue('Authorization');
    expect(screen.getByRole('button', { name: 'Authorization: set — replace' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add header' }));
    await user.type(screen.getByRole('textbox', { name: 'Header 2 name' }), 'X-Team');
    await user.type(screen.getByLabelText('X-Team value'), 'data');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Remove Authorization' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('button', { name: 'Save changes' });
    const bodies = api.sent({ method: 'PATCH', path: '/api/admin/datasources/tickets' }).map((request) => request.body);
    expect(bodies[0]).toMatchObject({ url: 'https://mcp.example.com/mcp', headers: { 'X-Team': 'data' } });
    expect(bodies[1]).toMatchObject({ headers: { Authorization: null, 'X-Team': 'data' } });
  });
});
