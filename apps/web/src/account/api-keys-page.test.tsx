import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi, renderWithQueryClient, type FakeRequest } from '../../test/fake-api.js';
import { setCsrfToken } from '../api/api-request.js';
import type { ApiKeySummary } from './account-types.js';
import { ApiKeysPage } from './api-keys-page.js';

const wholeKey = 'cmcp_' + 'A'.repeat(43);

/** The API's key routes over an in-memory list, as the server keeps them. */
function keyRoutes() {
  let keys: ApiKeySummary[] = [
    { id: 'k1', name: 'Nightly report', prefix: 'cmcp_Xy12abc', createdAt: '2026-01-02T10:00:00Z', lastUsedAt: null },
  ];
  return {
    'GET /api/me/api-keys': () => ({ body: { apiKeys: keys } }),
    'POST /api/me/api-keys': (request: FakeRequest) => {
      const created = {
        id: 'k2',
        name: (request.body as { name: string }).name,
        prefix: wholeKey.slice(0, 12),
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
      };
      keys = [...keys, created];
      return { status: 201, body: { ...created, key: wholeKey } };
    },
    'DELETE /api/me/api-keys/k1': () => {
      keys = keys.filter((key) => key.id !== 'k1');
      return { status: 204 };
    },
  };
}

describe('ApiKeysPage', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => {
    fakeApi.restore();
    setCsrfToken({ token: null });
  });

  it('lists keys by name, first characters and dates, never the key', async () => {
    fakeApi = installFakeApi(keyRoutes());
    renderWithQueryClient(<ApiKeysPage />);
    const row = (await screen.findByRole('rowheader', { name: 'Nightly report' })).closest('tr')!;
    expect(row).toHaveTextContent('cmcp_Xy12abc…');
    expect(row).toHaveTextContent('Never');
  });

  it('shows a created key once, read-only with Copy, and not after Done', async () => {
    fakeApi = installFakeApi(keyRoutes());
    setCsrfToken({ token: 'csrf-ada' });
    const user = userEvent.setup();
    renderWithQueryClient(<ApiKeysPage />);
    await screen.findByRole('rowheader', { name: 'Nightly report' });
    await user.type(screen.getByLabelText('Name'), '  CI pipeline {Enter}');

    const field = await screen.findByLabelText('New API key');
    expect(field).toHaveValue(wholeKey);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/you won’t see it again/);
    expect(screen.getByRole('button', { name: 'Copy the new API key' })).toBeVisible();
    expect(fakeApi.requests.find((request) => request.method === 'POST')).toMatchObject({
      body: { name: 'CI pipeline' },
      headers: { 'x-csrf-token': 'csrf-ada' },
    });
    expect(await screen.findByRole('rowheader', { name: 'CI pipeline' })).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New API key')).toBeNull();
    expect(document.body).not.toHaveTextContent(wholeKey);
  });

  it('revokes a key only after a confirmation, and Cancel keeps it', async () => {
    fakeApi = installFakeApi(keyRoutes());
    const user = userEvent.setup();
    renderWithQueryClient(<ApiKeysPage />);
    await user.click(await screen.findByRole('button', { name: 'Revoke Nightly report' }));
    const confirm = screen.getByRole('group', { name: 'Revoke Nightly report?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(fakeApi.requests.some((request) => request.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke Nightly report' }));
    await user.click(screen.getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Nightly report' })).toBeNull());
    expect(screen.getByText('You have no API keys yet.')).toBeVisible();
    expect(fakeApi.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });
});
