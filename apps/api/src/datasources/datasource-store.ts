import type { DatasourceConfigInput } from '@connectormcp/orchestrator';
import type { DatasourceAccess } from '../access/datasource-access.js';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import { connectorCommand } from './connector-catalog.js';
import type { SecretBox } from './secret-box.js';

/** A datasource managed in the app as stored: secret variables and header values are ciphertexts. */
export interface StoredDatasource {
  id: string;
  name: string;
  kind: string | null;
  command: string | null;
  args: string[];
  url: string | null;
  /** Variables that are not secret, in clear. */
  settings: Record<string, string>;
  /** Secret variables, each encrypted on its own (`v1.…`). */
  secrets: Record<string, string>;
  /** Header values, each encrypted (they usually carry a token). */
  headers: Record<string, string>;
  systemPrompt: string | null;
  examples: string[] | null;
  enabled: boolean;
  callTimeoutMs: number;
  access: DatasourceAccess;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The clear fields of a datasource, without the secret maps. */
export type DatasourceFields = Omit<
  StoredDatasource,
  'id' | 'secrets' | 'headers' | 'createdBy' | 'updatedBy' | 'createdAt' | 'updatedAt'
>;

/** Secret or header values to set (a string, encrypted here) or clear (null); names not given stay as they are. */
export type SecretChanges = Record<string, string | null>;

interface DatasourceRow {
  id: string;
  name: string;
  kind: string | null;
  command: string | null;
  args: string[];
  url: string | null;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  headers: Record<string, string>;
  system_prompt: string | null;
  examples: string[] | null;
  enabled: boolean;
  call_timeout_ms: number;
  use_groups: string[] | null;
  approve_groups: string[] | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const toStoredDatasource = (row: DatasourceRow): StoredDatasource => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  command: row.command,
  args: row.args,
  url: row.url,
  settings: row.settings,
  secrets: row.secrets,
  headers: row.headers,
  systemPrompt: row.system_prompt,
  examples: row.examples,
  enabled: row.enabled,
  callTimeoutMs: row.call_timeout_ms,
  access: { use: row.use_groups, approve: row.approve_groups },
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  createdAt: isoTimestamp(row.created_at),
  updatedAt: isoTimestamp(row.updated_at),
});

/** Columns set from the clear fields, in the order of `fieldValues`. */
const fieldColumns = [
  'name',
  'kind',
  'command',
  'args',
  'url',
  'settings',
  'system_prompt',
  'examples',
  'enabled',
  'call_timeout_ms',
  'use_groups',
  'approve_groups',
] as const;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

const fieldValues = (fields: DatasourceFields) => [
  fields.name,
  fields.kind,
  fields.command,
  JSON.stringify(fields.args),
  fields.url,
  JSON.stringify(fields.settings),
  fields.systemPrompt,
  json(fields.examples),
  fields.enabled,
  fields.callTimeoutMs,
  json(fields.access.use),
  json(fields.access.approve),
];

const jsonColumns = new Set(['args', 'settings', 'examples', 'use_groups', 'approve_groups']);

/** Every change bumps the revision in the same statement, so other instances notice it (and only then). */
const bumpRevision = `bumped AS (UPDATE datasource_revision SET revision = revision + 1 WHERE id = 1 AND EXISTS (SELECT 1 FROM changed))`;

const encryptAll = ({ values, secretBox }: { values: SecretChanges; secretBox: SecretBox }) => {
  const set: Record<string, string> = {};
  const cleared: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === null) cleared.push(name);
    else set[name] = secretBox.encrypt(value);
  }
  return { set, cleared };
};

/** Datasources managed in the app, in the `datasources` table; secrets never leave it unencrypted. */
export function createDatasourceStore({ database, secretBox }: { database: Database; secretBox: SecretBox }) {
  return {
    async revision(): Promise<number> {
      const [row] = await database.query<{ revision: string | number }>(
        'SELECT revision FROM datasource_revision WHERE id = 1',
      );
      return Number(row?.revision ?? 0);
    },
    async list(): Promise<StoredDatasource[]> {
      const rows = await database.query<DatasourceRow>('SELECT * FROM datasources ORDER BY name, id');
      return rows.map(toStoredDatasource);
    },
    async find(id: string): Promise<StoredDatasource | undefined> {
      const [row] = await database.query<DatasourceRow>('SELECT * FROM datasources WHERE id = $1', [id]);
      return row ? toStoredDatasource(row) : undefined;
    },
    /** Undefined when the id is taken. */
    async create({
      id,
      fields,
      secrets,
      headers,
      actorId,
    }: {
      id: string;
      fields: DatasourceFields;
      secrets: Record<string, string>;
      headers: Record<string, string>;
      actorId: string;
    }): Promise<StoredDatasource | undefined> {
      const values = [
        id,
        ...fieldValues(fields),
        JSON.stringify(encryptAll({ values: secrets, secretBox }).set),
        JSON.stringify(encryptAll({ values: headers, secretBox }).set),
        actorId,
      ];
      const columns = ['id', ...fieldColumns, 'secrets', 'headers', 'created_by', 'updated_by'];
      const placeholders = [
        ...columns.slice(0, -1).map((column, index) => {
          const cast = jsonColumns.has(column) || column === 'secrets' || column === 'headers' ? '::jsonb' : '';
          return `$${index + 1}${cast}`;
        }),
        `$${values.length}`,
      ];
      const [row] = await database.query<DatasourceRow>(
        `WITH changed AS (
           INSERT INTO datasources (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
           ON CONFLICT (id) DO NOTHING RETURNING *
         ), ${bumpRevision}
         SELECT * FROM changed`,
        values,
      );
      return row ? toStoredDatasource(row) : undefined;
    },
    /** Replaces the clear fields; sets or clears single secrets and headers. Undefined when there is no such datasource. */
    async update({
      id,
      fields,
      secrets = {},
      headers = {},
      actorId,
    }: {
      id: string;
      fields: DatasourceFields;
      secrets?: SecretChanges;
      headers?: SecretChanges;
      actorId: string;
    }): Promise<StoredDatasource | undefined> {
      const secretChanges = encryptAll({ values: secrets, secretBox });
      const headerChanges = encryptAll({ values: headers, secretBox });
      const values = [
        id,
        ...fieldValues(fields),
        JSON.stringify(secretChanges.set),
        secretChanges.cleared,
        JSON.stringify(headerChanges.set),
        headerChanges.cleared,
        actorId,
      ];
      const assignments = fieldColumns.map(
        (column, index) => `${column} = $${index + 2}${jsonColumns.has(column) ? '::jsonb' : ''}`,
      );
      const next = fieldColumns.length + 2;
      // Merged in SQL, so two admins changing different secrets at once both keep their change.
      const [row] = await database.query<DatasourceRow>(
        `WITH changed AS (
           UPDATE datasources SET ${assignments.join(', ')},
             secrets = (secrets || $${next}::jsonb) - $${next + 1}::text[],
             headers = (headers || $${next + 2}::jsonb) - $${next + 3}::text[],
             updated_by = $${next + 4}, updated_at = now()
           WHERE id = $1 RETURNING *
         ), ${bumpRevision}
         SELECT * FROM changed`,
        values,
      );
      return row ? toStoredDatasource(row) : undefined;
    },
    async remove({ id }: { id: string }): Promise<boolean> {
      const rows = await database.query<{ id: string }>(
        `WITH changed AS (DELETE FROM datasources WHERE id = $1 RETURNING id), ${bumpRevision} SELECT id FROM changed`,
        [id],
      );
      return rows.length > 0;
    },
  };
}

export type DatasourceStore = ReturnType<typeof createDatasourceStore>;

/** The config the hub runs, from clear fields and clear secret and header values. */
export function datasourceConfigOf({
  id,
  fields,
  secrets,
  headers,
}: {
  id: string;
  fields: DatasourceFields;
  secrets: Record<string, string>;
  headers: Record<string, string>;
}): DatasourceConfigInput {
  const common = {
    id,
    name: fields.name,
    ...(fields.kind ? { kind: fields.kind } : {}),
    enabled: fields.enabled,
    ...(fields.systemPrompt ? { systemPrompt: fields.systemPrompt } : {}),
    ...(fields.examples ? { examples: fields.examples } : {}),
    callTimeoutMs: fields.callTimeoutMs,
  };
  if (fields.url !== null) return { ...common, url: fields.url, headers };
  // No command: the kind's own connector, resolved on this machine (its path is not stored).
  const kindCommand = fields.command === null && fields.kind ? connectorCommand({ kind: fields.kind }) : undefined;
  return {
    ...common,
    command: fields.command ?? kindCommand?.command ?? '',
    args: [...(kindCommand?.args ?? []), ...fields.args],
    env: { ...fields.settings, ...secrets },
  };
}

/**
 * The config the hub runs, with the secrets decrypted (in memory only). Throws `SecretDecryptionError` when a
 * value was encrypted with a key this instance does not have.
 */
export function toDatasourceConfig({
  datasource,
  secretBox,
}: {
  datasource: StoredDatasource;
  secretBox: SecretBox;
}): DatasourceConfigInput {
  const decrypted = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, secretBox.decrypt(value)]));
  return datasourceConfigOf({
    id: datasource.id,
    fields: datasource,
    secrets: decrypted(datasource.secrets),
    headers: decrypted(datasource.headers),
  });
}
