import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, installFakeApi, renderWithQueryClient, type FakeRequest } from '../../test/fake-api.js';
import type { AdminUser } from '../account/account-types.js';
import { UsersPage } from './users-page.js';

const users: AdminUser[] = [
  {
    id: 'u_grace',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    role: 'admin',
    roleOverride: null,
    groups: ['connectormcp-admins'],
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastSeenAt: new Date().toISOString(),
  },
  {
    id: 'u_ada',
    name: 'Ada Lovelace',
    email: null,
    role: 'member',
    roleOverride: null,
    groups: ['analysts', 'finance'],
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastSeenAt: '2025-01-01T00:00:00Z',
  },
];

function userRoutes() {
  let current = users;
  return {
    'GET /api/admin/users': () => ({ body: { users: current } }),
    'PATCH /api/admin/users/u_ada': (request: FakeRequest) => {
      const change = request.body as Partial<AdminUser>;
      const ada = { ...current[1]!, ...change };
      if ('roleOverride' in change) ada.role = change.roleOverride ?? 'member';
      current = [current[0]!, ada];
      return { body: ada };
    },
    'PATCH /api/admin/users/u_grace': () =>
      apiError({ status: 409, code: 'self_change', message: 'You cannot disable or demote yourself.' }),
  };
}

const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr')!;

describe('UsersPage', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => fakeApi.restore());

  it('lists users with role, groups and when they were last seen, marking who you are', async () => {
    fakeApi = installFakeApi(userRoutes());
    renderWithQueryClient(<UsersPage currentUserId="u_grace" />);
    const grace = await rowOf('Grace Hopper');
    expect(grace).toHaveTextContent('(you)');
    expect(grace).toHaveTextContent('grace@example.com');
    expect(grace).toHaveTextContent('connectormcp-admins');
    expect(grace).toHaveTextContent('now');
    const ada = await rowOf('Ada Lovelace');
    expect(ada).toHaveTextContent('Member');
    expect(ada).toHaveTextContent('analysts, finance');
    expect(ada).toHaveTextContent(/ago|last year/);
    expect(within(ada).getByLabelText('Role of Ada Lovelace')).toHaveValue('groups');
  });

  it('overrides a role, follows the groups again, and disables and enables a user', async () => {
    fakeApi = installFakeApi(userRoutes());
    const user = userEvent.setup();
    renderWithQueryClient(<UsersPage currentUserId="u_grace" />);
    const role = within(await rowOf('Ada Lovelace')).getByLabelText('Role of Ada Lovelace');
    await user.selectOptions(role, 'admin');
    await waitFor(() => expect(role).toHaveValue('admin'));
    expect(await rowOf('Ada Lovelace')).toHaveTextContent('Admin');
    await user.selectOptions(role, 'groups');
    await waitFor(() => expect(role).toHaveValue('groups'));

    await user.click(screen.getByRole('button', { name: 'Disable Ada Lovelace' }));
    expect(await screen.findByRole('button', { name: 'Enable Ada Lovelace' })).toBeVisible();
    expect(await rowOf('Ada Lovelace')).toHaveTextContent('Disabled');
    await user.click(screen.getByRole('button', { name: 'Enable Ada Lovelace' }));
    expect(await screen.findByRole('button', { name: 'Disable Ada Lovelace' })).toBeVisible();

    expect(fakeApi.requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { roleOverride: 'admin' },
      { roleOverride: null },
      { disabled: true },
      { disabled: false },
    ]);
  });

  it('shows why a change to yourself was refused, and keeps the list as it was', async () => {
    fakeApi = installFakeApi(userRoutes());
    const user = userEvent.setup();
    renderWithQueryClient(<UsersPage currentUserId="u_grace" />);
    await user.click(await screen.findByRole('button', { name: 'Disable Grace Hopper' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The change was not saved');
    expect(alert).toHaveTextContent('You cannot disable or demote yourself.');
    expect(await rowOf('Grace Hopper')).toHaveTextContent('Active');
  });
});
