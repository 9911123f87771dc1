import type { AdminUser, UserRole } from '../account/account-types.js';
import { DateCell } from '../account/date-cell.js';
import { RoleBadge } from '../account/role-badge.js';
import { Banner } from '../layout/banner.js';
import { useAdminUsers, useUpdateUser, type UserChange } from './use-admin-users.js';

const followGroups = 'groups';

function UserRow({
  user,
  isSelf,
  onChange,
  busy,
}: {
  user: AdminUser;
  isSelf: boolean;
  onChange: (change: UserChange) => void;
  busy: boolean;
}) {
  return (
    <tr className="border-b border-slate-200 align-top dark:border-slate-800">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {user.name}
        {isSelf ? <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">(you)</span> : null}
        {user.email ? (
          <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{user.email}</span>
        ) : null}
      </th>
      <td className="py-2 pr-3">
        <div className="flex flex-wrap items-center gap-2">
          <RoleBadge role={user.role} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.name}
          </label>
          <select
            id={`role-${user.id}`}
            value={user.roleOverride ?? followGroups}
            disabled={busy}
            onChange={(event) =>
              onChange({
                roleOverride: event.target.value === followGroups ? null : (event.target.value as UserRole),
              })
            }
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            <option value={followGroups}>Follow groups</option>
            <option value="admin">Admin</option>
            <option value="member">Member</option>
          </select>
        </div>
      </td>
      <td className="py-2 pr-3">{user.groups.length > 0 ? user.groups.join(', ') : <span>None</span>}</td>
      <td className="py-2 pr-3">
        <DateCell iso={user.lastSeenAt} />
      </td>
      <td className="py-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className={user.disabled ? 'font-medium text-rose-800 dark:text-rose-300' : ''}>
            {user.disabled ? 'Disabled' : 'Active'}
          </span>
          <button
            type="button"
            disabled={busy}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
            onClick={() => onChange({ disabled: !user.disabled })}
            className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        </div>
      </td>
    </tr>
  );
}

/**
 * Admins: everyone who has used the app, with the role their groups give them unless overridden here,
 * and disabling (a disabled user's sessions and keys stop working). An admin cannot demote or disable
 * themself; the API's reason is shown.
 */
export function UsersPage({ currentUserId }: { currentUserId: string | undefined }) {
  const users = useAdminUsers();
  const update = useUpdateUser();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-5xl space-y-4">
        <div>
          <h2 className="text-lg font-semibold">Users</h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Roles follow the groups from your sign-in provider unless set here. Admins manage users, datasources and the
            audit trail; members chat.
          </p>
        </div>
        {update.error ? (
          <Banner tone="error" title="The change was not saved">
            {update.error.message}
          </Banner>
        ) : null}
        {users.error ? (
          <Banner tone="error" title="The users could not be loaded">
            {users.error.message}
          </Banner>
        ) : null}
        {users.isPending ? (
          <p role="status" className="text-sm">
            Loading…
          </p>
        ) : null}
        {users.data ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Users</caption>
              <thead className="border-b border-slate-300 dark:border-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Role
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Groups
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Last seen
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isSelf={user.id === currentUserId}
                    busy={update.isPending && update.variables?.id === user.id}
                    onChange={(change) => update.mutate({ id: user.id, change })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
