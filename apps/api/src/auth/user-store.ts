import { randomBytes } from 'node:crypto';
import type { Database } from '../database/open-database.js';
import type { UserRole } from './request-user.js';
import { userColumns, type UserRow } from './user-row.js';

export type UserStore = ReturnType<typeof createUserStore>;

/** The `users` table: the local user, API_KEYS users, and people who signed in. */
export function createUserStore({ database }: { database: Database }) {
  return {
    /** Creates the row of the local user or an API_KEYS key the first time it acts; returns the row. */
    async ensureUser({ id, name, role }: { id: string; name: string; role: UserRole }): Promise<UserRow> {
      const [row] = await database.query<UserRow>(
        `INSERT INTO users (id, name, role) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET last_seen_at = now() RETURNING ${userColumns}`,
        [id, name, role],
      );
      return row!;
    },
    /** Creates or updates the user a provider vouched for, keyed by (issuer, subject). */
    async upsertSignedInUser({
      issuer,
      subject,
      email,
      name,
      groups,
      role,
    }: {
      issuer: string;
      subject: string;
      email: string | null;
      name: string;
      groups: string[];
      role: UserRole;
    }): Promise<UserRow> {
      const [row] = await database.query<UserRow>(
        `INSERT INTO users (id, issuer, subject, email, name, groups, role) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (issuer, subject) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name,
           groups = EXCLUDED.groups, role = EXCLUDED.role, last_seen_at = now()
         RETURNING ${userColumns}`,
        [`u_${randomBytes(12).toString('hex')}`, issuer, subject, email, name, JSON.stringify(groups), role],
      );
      return row!;
    },
    async updateClaims({ id, groups, role }: { id: string; groups: string[]; role: UserRole }): Promise<UserRow> {
      const [row] = await database.query<UserRow>(
        `UPDATE users SET groups = $2, role = $3, last_seen_at = now() WHERE id = $1 RETURNING ${userColumns}`,
        [id, JSON.stringify(groups), role],
      );
      return row!;
    },
    async find({ id }: { id: string }): Promise<UserRow | undefined> {
      const [row] = await database.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1`, [id]);
      return row;
    },
    async list(): Promise<UserRow[]> {
      return database.query<UserRow>(`SELECT ${userColumns} FROM users ORDER BY lower(name), id`);
    },
    async update({
      id,
      roleOverride,
      disabled,
    }: {
      id: string;
      roleOverride?: UserRole | null;
      disabled?: boolean;
    }): Promise<UserRow | undefined> {
      const [row] = await database.query<UserRow>(
        `UPDATE users SET
           role_override = CASE WHEN $2 THEN $3 ELSE role_override END,
           disabled = COALESCE($4, disabled)
         WHERE id = $1 RETURNING ${userColumns}`,
        [id, roleOverride !== undefined, roleOverride ?? null, disabled ?? null],
      );
      return row;
    },
    async touch({ id }: { id: string }): Promise<void> {
      await database.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [id]);
    },
  };
}
