import type { UserRole } from './account-types.js';

const roleNames: Record<UserRole, string> = { admin: 'Admin', member: 'Member' };

export function RoleBadge({ role }: { role: UserRole }) {
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${
        role === 'admin'
          ? 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100'
          : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'
      }`}
    >
      {roleNames[role]}
    </span>
  );
}
