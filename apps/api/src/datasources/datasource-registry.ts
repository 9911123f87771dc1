import {
  datasourceConfigSchema,
  type ConnectorHub,
  type DatasourceConfig,
  type DatasourceConfigInput,
} from '@connectormcp/orchestrator';
import type { Logger } from 'pino';
import {
  canUseDatasource,
  unrestrictedAccess,
  type AccessMode,
  type DatasourceAccess,
} from '../access/datasource-access.js';
import type { RequestUser } from '../auth/request-user.js';
import type { Database } from '../database/open-database.js';
import { createDatasourceStore, toDatasourceConfig, type StoredDatasource } from './datasource-store.js';
import type { SecretBox } from './secret-box.js';

export interface ManagedDatasource {
  config: DatasourceConfig;
  source: 'file' | 'app';
  access: DatasourceAccess;
  /** Why an app datasource cannot run (its secrets do not decrypt, its stored config is invalid); never a value. */
  problem?: string;
}

export interface DatasourceRegistry {
  /** Enabled and disabled: file datasources first, then the app's by name. */
  list(): ManagedDatasource[];
  find(id: string): ManagedDatasource | undefined;
  /** Enabled, runnable datasources the user may use. */
  usable(user: Pick<RequestUser, 'role' | 'groups'>): ManagedDatasource[];
  /**
   * Reads the revision (one tiny query) and, when it changed, reloads the app's datasources and hands the
   * whole set to the hub, which restarts only the connectors whose config changed. Concurrent calls share one
   * read; `fresh` waits for a read in flight and reads again (after a change this instance just made).
   */
  sync(options?: { fresh?: boolean }): Promise<void>;
  /** Who can ask: access rules do not apply in local mode. */
  mode: AccessMode;
}

export interface FileDatasource extends DatasourceConfigInput {
  access?: DatasourceAccess;
}

/**
 * The datasources of this API: those of the config file (read-only here) and those managed in the app
 * (the `datasources` table, shared by every instance on the same database).
 */
export function createDatasourceRegistry({
  database,
  hub,
  fileDatasources,
  secretBox,
  mode,
  logger,
}: {
  database: Database;
  hub: ConnectorHub;
  fileDatasources: FileDatasource[];
  secretBox: SecretBox;
  mode: AccessMode;
  logger?: Logger;
}): DatasourceRegistry {
  const store = createDatasourceStore({ database, secretBox });
  const file: ManagedDatasource[] = fileDatasources.map(({ access, ...config }) => ({
    config: datasourceConfigSchema.parse(config),
    source: 'file',
    access: access ?? unrestrictedAccess,
  }));
  const fileIds = new Set(file.map((datasource) => datasource.config.id));
  let app: ManagedDatasource[] = [];
  let knownRevision: number | undefined;
  let inFlight: Promise<void> | undefined;

  const managed = (stored: StoredDatasource): ManagedDatasource => {
    const access = stored.access;
    const placeholder = (problem: string): ManagedDatasource => ({
      config: {
        ...datasourceConfigSchema.parse({ id: stored.id, name: stored.name, command: 'none' }),
        enabled: stored.enabled,
      },
      source: 'app',
      access,
      problem,
    });
    let input: DatasourceConfigInput;
    try {
      input = toDatasourceConfig({ datasource: stored, secretBox });
    } catch (error) {
      return placeholder((error as Error).message);
    }
    const parsed = datasourceConfigSchema.safeParse(input);
    if (!parsed.success)
      return placeholder(
        `Its stored configuration is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    return { config: parsed.data, source: 'app', access };
  };

  const load = async () => {
    const revision = await store.revision();
    if (revision === knownRevision) return;
    const loaded: ManagedDatasource[] = [];
    for (const stored of await store.list()) {
      // Ids are unique across both sources when created; a file datasource added later wins.
      if (fileIds.has(stored.id)) {
        logger?.warn(`datasource ${stored.id} of the app is hidden by the config file's datasource of the same id`);
        continue;
      }
      const entry = managed(stored);
      if (entry.problem) logger?.error(`datasource ${stored.id} cannot run: ${entry.problem}`);
      loaded.push(entry);
    }
    const runnable = [...file, ...loaded].filter((entry) => !entry.problem).map((entry) => entry.config);
    try {
      await hub.setDatasources(runnable);
    } catch (error) {
      // The hub keeps the previous set; this revision is not retried on every call, the next change is.
      logger?.error({ err: error }, 'the datasources could not be applied');
    }
    app = loaded;
    knownRevision = revision;
  };

  const sync = (): Promise<void> => {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  const list = () => [...file, ...app];
  return {
    mode,
    list,
    find: (id) => list().find((entry) => entry.config.id === id),
    usable: (user) =>
      list().filter(
        (entry) => entry.config.enabled && !entry.problem && canUseDatasource({ user, access: entry.access, mode }),
      ),
    async sync({ fresh = false } = {}) {
      if (fresh && inFlight) await inFlight.catch(() => {});
      await sync();
    },
  };
}
