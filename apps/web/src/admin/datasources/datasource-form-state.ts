import type { AdminDatasource, ConnectorKind } from './admin-datasource-types.js';

/** What the form configures: one of the API's connector kinds, a remote MCP server, or any command. */
export type DatasourceTarget = { type: 'connector'; kind: ConnectorKind } | { type: 'remote' } | { type: 'command' };

/**
 * A secret as the form holds it. The API never sends a secret's value, only that one is set, so an edit
 * starts empty: `replacing` opens the input for a new value, `cleared` removes the stored one.
 */
export interface SecretValue {
  value: string;
  set: boolean;
  replacing: boolean;
  cleared: boolean;
}

/** A name and a value (a header, an environment variable); `set` rows hold a stored secret. */
export interface NamedValueRow {
  /** Stable React key. */
  key: string;
  name: string;
  value: string;
  set: boolean;
  replacing: boolean;
}

export interface DatasourceFormState {
  id: string;
  /** Until someone types an id, it follows the name. */
  idTouched: boolean;
  name: string;
  /** The connector's variables that are not secret: text, or a checkbox's state. */
  settings: Record<string, string | boolean>;
  secrets: Record<string, SecretValue>;
  command: string;
  /** One argument per line. */
  args: string;
  environment: NamedValueRow[];
  secretEnvironment: NamedValueRow[];
  url: string;
  headers: NamedValueRow[];
  systemPrompt: string;
  /** One question per line. */
  examples: string;
  callTimeoutSeconds: string;
  /** Comma-separated group names. */
  useGroups: string;
  approveGroups: string;
  enabled: boolean;
}

export const defaultCallTimeoutSeconds = 60;

let rowCounter = 0;
export function newRow({ name = '', value = '', set = false }: { name?: string; value?: string; set?: boolean } = {}) {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, name, value, set, replacing: false } satisfies NamedValueRow;
}

/** A checkbox variable's state when nothing is stored: its default, else off. */
export function booleanDefault({ value }: { value: string | undefined }): boolean {
  return value === 'true';
}

/** Which form an existing datasource opens in. */
export function targetOf({
  datasource,
  kinds,
}: {
  datasource: AdminDatasource;
  kinds: ConnectorKind[];
}): DatasourceTarget {
  if (datasource.transport === 'http') return { type: 'remote' };
  const kind = kinds.find((candidate) => candidate.kind === datasource.kind);
  return kind ? { type: 'connector', kind } : { type: 'command' };
}

/** The form for a new datasource of a target, or filled from a saved one (secrets never have values). */
export function initialFormState({
  target,
  datasource,
}: {
  target: DatasourceTarget;
  datasource?: AdminDatasource;
}): DatasourceFormState {
  const saved = datasource?.settings ?? {};
  const savedSecrets = datasource?.secrets ?? {};
  const settings: Record<string, string | boolean> = {};
  const secrets: Record<string, SecretValue> = {};
  const variableNames = new Set<string>();
  if (target.type === 'connector')
    for (const variable of target.kind.variables) {
      variableNames.add(variable.name);
      if (variable.isSecret)
        secrets[variable.name] = { value: '', set: variable.name in savedSecrets, replacing: false, cleared: false };
      else if (variable.format === 'boolean')
        settings[variable.name] =
          variable.name in saved ? saved[variable.name] === 'true' : booleanDefault({ value: variable.default });
      else settings[variable.name] = saved[variable.name] ?? '';
    }
  const custom = target.type === 'command';
  return {
    id: datasource?.id ?? '',
    idTouched: datasource !== undefined,
    name: datasource?.name ?? '',
    settings,
    secrets,
    command: custom ? (datasource?.command ?? '') : '',
    args: custom ? (datasource?.args ?? []).join('\n') : '',
    environment: custom ? Object.entries(saved).map(([name, value]) => newRow({ name, value })) : [],
    secretEnvironment: custom ? Object.keys(savedSecrets).map((name) => newRow({ name, set: true })) : [],
    url: datasource?.url ?? '',
    headers: Object.keys(datasource?.headers ?? {}).map((name) => newRow({ name, set: true })),
    systemPrompt: datasource?.systemPrompt ?? '',
    examples: (datasource?.examples ?? []).join('\n'),
    callTimeoutSeconds: String((datasource?.callTimeoutMs ?? defaultCallTimeoutSeconds * 1_000) / 1_000),
    useGroups: (datasource?.access.use ?? []).join(', '),
    approveGroups: (datasource?.access.approve ?? []).join(', '),
    enabled: datasource?.enabled ?? true,
  };
}
