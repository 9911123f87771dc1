import type { AccessMode } from '../access/datasource-access.js';
import type { RequestUser } from '../auth/request-user.js';
import { createUserStore } from '../auth/user-store.js';
import { toRequestUser } from '../auth/user-row.js';
import type { Database } from '../database/open-database.js';

export type OwnerForRun = { user: RequestUser } | { error: { code: 'owner_disabled'; message: string } };

/**
 * The owner of a saved item as they are now, to run it with their access at this moment: their `users` row
 * (an admin's role override applies; the groups are those of their last sign-in). A disabled or deleted
 * owner runs nothing. In local mode there is one person, who may use everything.
 */
export async function ownerForRun({
  database,
  ownerId,
  mode,
}: {
  database: Database;
  ownerId: string;
  mode: AccessMode;
}): Promise<OwnerForRun> {
  const row = await createUserStore({ database }).find({ id: ownerId });
  if (row?.disabled)
    return { error: { code: 'owner_disabled', message: 'The owner of this schedule is disabled; it does not run.' } };
  if (mode === 'local')
    return {
      user: row
        ? { ...toRequestUser({ row, authMethod: 'local' }), role: 'admin' }
        : { id: ownerId, name: 'Local user', email: null, role: 'admin', groups: [], authMethod: 'local' },
    };
  if (!row)
    return {
      error: { code: 'owner_disabled', message: 'The owner of this schedule no longer exists; it does not run.' },
    };
  return { user: toRequestUser({ row, authMethod: row.issuer ? 'session' : 'api_key' }) };
}
