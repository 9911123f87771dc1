import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, installFakeApi, renderWithQueryClient } from '../../test/fake-api.js';
import type { PendingApproval } from '../account/account-types.js';
import type { Datasource } from '../api/api-types.js';
import { ApprovalsPage } from './approvals-page.js';

const pending: PendingApproval[] = [
  {
    id: 'a1',
    runId: 'r1',
    sessionId: 's1',
    owner: { id: 'u_ada', name: 'Ada Lovelace' },
    datasource: 'shop',
    tool: 'execute_query',
    arguments: { sql: "UPDATE products SET price = 9 WHERE sku = 'A1'", database: 'shop' },
    createdAt: new Date().toISOString(),
  },
  {
    id: 'a2',
    runId: 'r2',
    sessionId: 's2',
    owner: { id: 'u_bob', name: 'Bob' },
    datasource: 'files',
    tool: 'put_object',
    arguments: { key: 'report.csv' },
    createdAt: new Date().toISOString(),
  },
];

const datasources = [{ id: 'shop', name: 'Shop database' }] as Datasource[];

describe('ApprovalsPage', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => fakeApi.restore());

  it('shows each waiting write: where, what exactly, and who asked', async () => {
    fakeApi = installFakeApi({ 'GET /api/approvals': { body: { approvals: pending } } });
    renderWithQueryClient(<ApprovalsPage datasources={datasources} />);
    const shop = await screen.findByRole('article', { name: 'execute_query on Shop database' });
    expect(shop).toHaveTextContent("UPDATE products SET price = 9 WHERE sku = 'A1'");
    expect(shop).toHaveTextContent('"database": "shop"');
    expect(shop).toHaveTextContent('Asked by Ada Lovelace');
    // A datasource this page has no name for shows its id.
    expect(screen.getByRole('article', { name: 'put_object on files' })).toHaveTextContent('"key": "report.csv"');
  });

  it('approves and denies through the API, and the list follows', async () => {
    let waiting = pending;
    fakeApi = installFakeApi({
      'GET /api/approvals': () => ({ body: { approvals: waiting } }),
      'POST /api/chat/approvals/a1': () => {
        waiting = waiting.filter((approval) => approval.id !== 'a1');
        return { body: { ok: true } };
      },
      'POST /api/chat/approvals/a2': () =>
        apiError({ status: 403, code: 'forbidden', message: 'Only members of writers may approve writes to files.' }),
    });
    const user = userEvent.setup();
    renderWithQueryClient(<ApprovalsPage datasources={datasources} />);
    await user.click(
      await screen.findByRole('button', { name: 'Approve execute_query on Shop database for Ada Lovelace' }),
    );
    await waitFor(() => expect(screen.queryByRole('article', { name: /execute_query/ })).toBeNull());
    const files = screen.getByRole('article', { name: 'put_object on files' });
    await user.click(within(files).getByRole('button', { name: /^Deny/ }));
    expect(await within(files).findByRole('alert')).toHaveTextContent('Only members of writers may approve');
    expect(
      fakeApi.requests.filter((request) => request.method === 'POST').map((request) => [request.path, request.body]),
    ).toEqual([
      ['/api/chat/approvals/a1', { approve: true }],
      ['/api/chat/approvals/a2', { approve: false }],
    ]);
  });

  it('says when nothing is waiting', async () => {
    fakeApi = installFakeApi({ 'GET /api/approvals': { body: { approvals: [] } } });
    renderWithQueryClient(<ApprovalsPage datasources={datasources} />);
    expect(await screen.findByText('Nothing is waiting for you.')).toBeVisible();
  });
});
