import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryKeys } from '../../api/use-api-queries.js';
import type { AdminDatasource } from './admin-datasource-types.js';
import { appShop, fileFiles, jiraKind, mysqlKind } from './admin-test-data.js';
import { DatasourcesPage } from './datasources-page.js';
import {
  apiError,
  installFakeApiFetch,
  removeFakeApiFetch,
  type FakeApiAnswer,
  type FakeApiRequest,
} from './fake-api-fetch.js';

function renderPage({ answer }: { answer?: (request: FakeApiRequest) => FakeApiAnswer | undefined } = {}) {
  let datasources: AdminDatasource[] = [fileFiles, appShop];
  const api = installFakeApiFetch({
    answer: (request) => {
      const own = answer?.(request);
      if (own) return own;
      if (request.path === '/api/admin/connector-kinds') return { body: { kinds: [mysqlKind, jiraKind] } };
      if (request.path === '/api/admin/datasources' && request.method === 'GET') return { body: { datasources } };
      if (request.path === '/api/admin/datasources/shop-eu' && request.method === 'PATCH') {
        datasources = datasources.map((datasource) =>
          datasource.id === 'shop-eu' ? { ...datasource, ...(request.body as Partial<AdminDatasource>) } : datasource,
        );
        return { body: datasources.find((datasource) => datasource.id === 'shop-eu') };
      }
      if (request.path === '/api/admin/datasources/shop-eu' && request.method === 'DELETE') {
        datasources = datasources.filter((datasource) => datasource.id !== 'shop-eu');
        return { status: 204 };
      }
      return undefined;
    },
  });
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });
  // The chat's list, which every change must refresh.
  client.setQueryData(queryKeys.datasources, { datasources: [] });
  render(
    <QueryClientProvider client={client}>
      <DatasourcesPage />
    </QueryClientProvider>,
  );
  return { api, client, user: userEvent.setup() };
}

describe('DatasourcesPage', () => {
  afterEach(removeFakeApiFetch);

  it('lists file and app datasources: kind, source, transport, health, enabled and last change', async () => {
    renderPage();
    expect(screen.getByRole('status')).toHaveTextContent('Loading datasources…');
    const table = await screen.findByRole('table', { name: 'Datasources' });
    const [, file, app] = within(table).getAllByRole('row');
    expect(within(file!).getByRole('rowheader')).toHaveTextContent('Sample files');
    expect(file).toHaveTextContent('Config file');
    expect(within(file!).getByRole('switch', { name: 'Sample files enabled' })).toBeDisabled();
    expect(within(file!).getByRole('button', { name: 'View Sample files' })).toBeInTheDocument();
    expect(within(file!).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(app).toHaveTextContent('MySQL');
    expect(app).toHaveTextContent('Command (stdio)');
    expect(app).toHaveTextContent('Connected');
    expect(app).toHaveTextContent('by local');
    expect(within(app!).getByRole('switch', { name: 'Shop EU enabled' })).toBeChecked();
  });

  it('disables a datasource from its switch and refreshes the chat’s list too', async () => {
    const { api, client, user } = renderPage();
    await user.click(await screen.findByRole('switch', { name: 'Shop EU enabled' }));
    expect(await screen.findByText('Shop EU is disabled.')).toBeInTheDocument();
    expect(api.sent({ method: 'PATCH', path: '/api/admin/datasources/shop-eu' })[0]?.body).toEqual({ enabled: false });
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Shop EU enabled' })).not.toBeChecked());
    expect(client.getQueryState(queryKeys.datasources)?.isInvalidated).toBe(true);
  });

  it('asks before deleting, naming the datasource; Escape or Cancel keeps it', async () => {
    const { api, client, user } = renderPage();
    const deleteButton = await screen.findByRole('button', { name: 'Delete Shop EU' });
    await user.click(deleteButton);
    let dialog = screen.getByRole('alertdialog', { name: 'Delete Shop EU?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(deleteButton).toHaveFocus();
    await user.click(deleteButton);
    dialog = screen.getByRole('alertdialog', { name: 'Delete Shop EU?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete Shop EU' }));
    expect(await screen.findByText('Deleted Shop EU.')).toBeInTheDocument();
    expect(api.sent({ method: 'DELETE', path: '/api/admin/datasources/shop-eu' })).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('row', { name: /Shop EU/ })).not.toBeInTheDocument());
    expect(client.getQueryState(queryKeys.datasources)?.isInvalidated).toBe(true);
  });

  it('adds a datasource: the API’s kinds, a remote server or a custom command, then that form', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add datasource' }));
    const choices = within(screen.getByRole('list')).getAllByRole('button');
    expect(choices.map((choice) => choice.textContent)).toEqual([
      'MyMySQL@connectormcp/mysql 1.2.0',
      'JiJira@connectormcp/jira 1.0.0',
      '⇄Remote MCP server (URL)Any MCP server over Streamable HTTP, with optional headers.',
      '>_Custom commandAny MCP server started as a command over standard input and output.',
    ]);
    await user.click(screen.getByRole('button', { name: /Jira/ }));
    expect(screen.getByRole('heading', { name: 'Add a datasource: Jira' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /JIRA_BASE_URL/ })).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('table', { name: 'Datasources' })).toBeInTheDocument();
  });

  it('opens a file datasource read-only and an app one for editing', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: 'Edit Shop EU' }));
    expect(screen.getByRole('heading', { name: 'Edit Shop EU' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'MYSQL_PASSWORD: set — replace' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'View Sample files' }));
    expect(screen.getByText('From the config file — read-only')).toBeInTheDocument();
  });

  it('says when someone who is not an admin opens it', async () => {
    renderPage({
      answer: (request) =>
        request.path === '/api/admin/datasources'
          ? apiError({ status: 403, code: 'forbidden', message: 'Only admins may do this.' })
          : undefined,
    });
    expect(await screen.findByText('Only admins can manage datasources.')).toBeInTheDocument();
  });
});
