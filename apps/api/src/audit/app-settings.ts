import type { RequestUser } from '../auth/request-user.js';
import type { AppSettings } from '../contracts/index.js';
import type { Database } from '../database/open-database.js';

const retentionSetting = 'audit_retention_days';

export interface AppSettingsStore {
  /** The settings as admins last saved them, else the defaults from the environment. */
  get(): Promise<AppSettings>;
  update(options: { changes: Partial<AppSettings>; user: Pick<RequestUser, 'id'> }): Promise<AppSettings>;
}

/** Settings admins change in the app, in `app_settings` (one row per setting), shared by every instance. */
export function createAppSettingsStore({
  database,
  defaultAuditRetentionDays,
}: {
  database: Database;
  defaultAuditRetentionDays: number;
}): AppSettingsStore {
  const get = async (): Promise<AppSettings> => {
    const [row] = await database.query<{ value: unknown }>('SELECT value FROM app_settings WHERE name = $1', [
      retentionSetting,
    ]);
    const saved = row?.value;
    return { auditRetentionDays: typeof saved === 'number' ? saved : defaultAuditRetentionDays };
  };
  return {
    get,
    async update({ changes, user }) {
      if (changes.auditRetentionDays !== undefined)
        await database.query(
          `INSERT INTO app_settings (name, value, updated_by) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
          [retentionSetting, JSON.stringify(changes.auditRetentionDays), user.id],
        );
      return get();
    },
  };
}
