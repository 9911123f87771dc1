import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeApiKey } from '../../api/api-request.js';
import { installFakeApiFetch, removeFakeApiFetch, type FakeApiRequest } from '../datasources/fake-api-fetch.js';
import { AuditPage } from './audit-page.js';
import type { AuditEntry } from './audit-types.js';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'a1',
  at: '2026-11-28T10:15:00.000Z',
  actor: { id: 'local', name: 'Local user' },
  action: 'tool_call',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELECT title FROM products LIMIT 5' },
  status: 'ok',
  durationMs: 85,
  sessionId: 's1',
  runId: 'r1',
  detail: null,
  ...overrides,
});

const firstPage = [
  entry({ id: 'a3' }),
  entry({
    id: 'a2',
    action: 'datasource_updated',
    tool: null,
    arguments: null,
    durationMs: null,
    sessionId: null,
    runId: null,
    detail: { changed: ['enabled'], secrets: ['MYSQL_PASSWORD'], headers: [] },
  }),
];
const secondPage = [
  entry({
    id: 'a1',
    action: 'question',
    datasource: null,
    tool: null,
    arguments: null,
    status: 'asked',
    durationMs: null,
    detail: { question: 'Which five products cost the most?' },
  }),
];

function renderPage({ retentionDays = 365 }: { retentionDays?: number } = {}) {
  let stored = retentionDays;
  const api = installFakeApiFetch({
    answer: (request: FakeApiRequest) => {
      if (request.path === '/api/admin/audit') {
        if (request.search.get('action') === 'sign_in') return { body: { entries: [], nextCursor: null } };
        return request.search.get('before') === 'cursor-2'
          ? { body: { entries: secondPage, nextCursor: null } }
          : { body: { entries: firstPage, nextCursor: 'cursor-2' } };
      }
      if (request.path === '/api/admin/settings' && request.method === 'GET')
        return { body: { auditRetentionDays: stored } };
      if (request.path === '/api/admin/settings' && request.method === 'PATCH') {
        stored = (request.body as { auditRetentionDays: number }).auditRetentionDays;
        return { body: { auditRetentionDays: stored } };
      }
      if (request.path === '/api/admin/datasources') return { body: { datasources: [] } };
      if (request.path === '/api/admin/audit/export.csv')
        return {
          text: 'at,actor\n2026-11-28,local\n',
          headers: { 'content-disposition': 'attachment; filename="connectormcp-audit-2026-11-29.csv"' },
        };
      return undefined;
    },
  });
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AuditPage />
    </QueryClientProvider>,
  );
  return { api, user: userEvent.setup() };
}

const auditRequests = (requests: FakeApiRequest[]) =>
  requests.filter((request) => request.path === '/api/admin/audit').map((request) => request.search.toString());

describe('AuditPage', () => {
  afterEach(() => {
    removeFakeApiFetch();
    storeApiKey({ apiKey: null });
  });

  it('shows who did what, where, with arguments folded until expanded, its status and duration', async () => {
    const { user } = renderPage();
    const table = await screen.findByRole('table', { name: 'Audit log, newest first' });
    const [, call, change] = within(table).getAllByRole('row');
    expect(call).toHaveTextContent('Local user');
    expect(call).toHaveTextContent('Tool call');
    expect(call).toHaveTextContent('shopexecute_query');
    expect(call).toHaveTextContent('85 ms');
    expect(call).toHaveTextContent('ok');
    const details = within(call!).getByText('SELECT title FROM products LIMIT 5').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(within(call!).getByText('SELECT title FROM products LIMIT 5'));
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText(/"runId": "r1"/)).toBeVisible();
    expect(change).toHaveTextContent('Datasource changed');
    expect(change).toHaveTextContent('Changed: enabled, secret MYSQL_PASSWORD');
  });

  it('loads more from the last page’s cursor until there is no more', async () => {
    const { api, user } = renderPage();
    await screen.findByRole('table');
    expect(screen.getByText('2 entries shown, more below.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Which five products cost the most?')).toBeInTheDocument();
    expect(screen.getAllByTestId('audit-entry')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(auditRequests(api.requests)).toEqual(['limit=50', 'limit=50&before=cursor-2']);
  });

  it('filters by action, person, datasource and days, and exports what is filtered', async () => {
    const { api, user } = renderPage();
    await screen.findByRole('table');
    const filters = screen.getByRole('search', { name: 'Filter the audit log' });
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Action' }), 'Tool call');
    await user.type(within(filters).getByRole('combobox', { name: 'Who (user id)' }), 'local');
    await user.type(within(filters).getByRole('combobox', { name: 'Datasource' }), 'shop');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(auditRequests(api.requests)).toHaveLength(2));
    expect(auditRequests(api.requests)[1]).toBe('limit=50&action=tool_call&actor=local&datasource=shop');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/admin/audit/export.csv?action=tool_call&actor=local&datasource=shop',
    );
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Action' }), 'Sign-in');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('Nothing matches these filters.')).toBeInTheDocument();
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/admin/audit/export.csv');
  });

  it('refuses a date range that ends before it starts', async () => {
    const { api, user } = renderPage();
    await screen.findByRole('table');
    await user.type(screen.getByLabelText('From'), '2026-11-20');
    await user.type(screen.getByLabelText('To'), '2026-11-10');
    expect(screen.getByRole('alert')).toHaveTextContent('“To” is before “From”.');
    expect(screen.getByRole('button', { name: 'Apply filters' })).toBeDisabled();
    expect(auditRequests(api.requests)).toHaveLength(1);
  });

  it('downloads the CSV with the API key in a header when the browser signs in with one', async () => {
    storeApiKey({ apiKey: 'cmcp_test-key' });
    const created = jest.fn((_blob: Blob) => 'blob:audit');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.href}`);
    });
    const { api, user } = renderPage();
    await screen.findByRole('table');
    await user.click(screen.getByRole('link', { name: 'Export CSV' }));
    await waitFor(() => expect(clicked).toEqual(['connectormcp-audit-2026-11-29.csv blob:audit']));
    const exported = api.sent({ method: 'GET', path: '/api/admin/audit/export.csv' });
    expect(exported[0]?.headers).toMatchObject({ authorization: 'Bearer cmcp_test-key' });
    // jsdom's Blob has no text(): its size is the CSV's.
    expect(created.mock.calls[0]![0].size).toBe('at,actor\n2026-11-28,local\n'.length);
    click.mockRestore();
  });

  it('shows and saves the retention in days, refusing a number out of range', async () => {
    const { api, user } = renderPage({ retentionDays: 365 });
    const days = await screen.findByRole('spinbutton', { name: 'Keep audit entries for (days)' });
    await waitFor(() => expect(days).toHaveValue(365));
    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number of days from 1 to 3650.');
    expect(days).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number'));
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Saved: entries are kept for 30 days.')).toBeInTheDocument();
    expect(api.sent({ method: 'PATCH', path: '/api/admin/settings' }).map((request) => request.body)).toEqual([
      { auditRetentionDays: 30 },
    ]);
  });
});
