import { isoTimestamp } from '../database/chat-store.js';
import type { AuthMethod, RequestUser, UserRole } from './request-user.js';

/** A `users` row as the database returns it. */
export interface UserRow {
  id: string;
  issuer: string | null;
  subject: string | null;
  email: string | null;
  name: string;
  groups: string[];
  role: UserRole;
  role_override: UserRole | null;
  disabled: boolean;
  created_at: string | Date;
  last_seen_at: string | Date;
}

export const userColumns =
  'users.id, users.issuer, users.subject, users.email, users.name, users.groups, users.role, users.role_override, users.disabled, users.created_at, users.last_seen_at';

/** An admin's override wins over the role the provider's groups gave. */
export const effectiveRole = (row: Pick<UserRow, 'role' | 'role_override'>): UserRole => row.role_override ?? row.role;

export const toRequestUser = ({ row, authMethod }: { row: UserRow; authMethod: AuthMethod }): RequestUser => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: effectiveRole(row),
  groups: row.groups ?? [],
  authMethod,
});

export const toAdminUser = (row: UserRow) => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: effectiveRole(row),
  roleOverride: row.role_override,
  groups: row.groups ?? [],
  disabled: row.disabled,
  createdAt: isoTimestamp(row.created_at),
  lastSeenAt: isoTimestamp(row.last_seen_at),
});
