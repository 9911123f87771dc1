import type { AdminDatasource, DatasourceCreateBody, DatasourceUpdateBody } from './admin-datasource-types.js';
import {
  booleanDefault,
  type DatasourceFormState,
  type DatasourceTarget,
  type NamedValueRow,
} from './datasource-form-state.js';
import { groupList, lineList } from './group-list.js';

/** The connector's settings that differ from nothing: text that was typed, checkboxes off their default. */
function connectorSettings({ state, target }: { state: DatasourceFormState; target: DatasourceTarget }) {
  const settings: Record<string, string> = {};
  if (target.type !== 'connector') return settings;
  for (const variable of target.kind.variables) {
    if (variable.isSecret) continue;
    const value = state.settings[variable.name];
    if (typeof value === 'boolean') {
      if (value !== booleanDefault({ value: variable.default })) settings[variable.name] = String(value);
    } else if (value !== undefined && value.trim() !== '') settings[variable.name] = value.trim();
  }
  return settings;
}

/** Rows with a name and a newly typed value; stored ones not replaced are left out (they stay). */
function typedRows({ rows, trimValues }: { rows: NamedValueRow[]; trimValues: boolean }) {
  const values: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name || (row.set && !row.replacing)) continue;
    values[name] = trimValues ? row.value.trim() : row.value;
  }
  return values;
}

/** Secrets typed into the form (new or replacing); on an edit, cleared ones as null. */
function secretChanges({ state, target }: { state: DatasourceFormState; target: DatasourceTarget }) {
  const changes: Record<string, string | null> = {};
  if (target.type === 'connector') {
    for (const [name, secret] of Object.entries(state.secrets)) {
      if (secret.cleared) changes[name] = null;
      else if ((!secret.set || secret.replacing) && secret.value !== '') changes[name] = secret.value;
    }
  } else if (target.type === 'command')
    Object.assign(changes, typedRows({ rows: state.secretEnvironment, trimValues: false }));
  return changes;
}

/** Stored names (headers, secret variables) whose row was removed: null clears them on the server. */
function removedNames({ saved, rows }: { saved: Record<string, unknown>; rows: NamedValueRow[] }) {
  const kept = new Set(rows.map((row) => row.name.trim()));
  return Object.fromEntries(
    Object.keys(saved)
      .filter((name) => !kept.has(name))
      .map((name) => [name, null]),
  );
}

function commonFields({ state }: { state: DatasourceFormState }) {
  const use = groupList({ text: state.useGroups });
  const approve = groupList({ text: state.approveGroups });
  return {
    name: state.name.trim(),
    enabled: state.enabled,
    callTimeoutMs: Math.round(Number(state.callTimeoutSeconds) * 1_000),
    access: { use, approve },
  };
}

const nonEmpty = <Value>(record: Record<string, Value>) => (Object.keys(record).length > 0 ? record : undefined);

/** `POST /api/admin/datasources` (and `/test`) from the form. */
export function createRequestBody({
  state,
  target,
}: {
  state: DatasourceFormState;
  target: DatasourceTarget;
}): DatasourceCreateBody {
  const examples = lineList({ text: state.examples });
  const common = {
    id: state.id.trim(),
    ...commonFields({ state }),
    ...(state.systemPrompt.trim() ? { systemPrompt: state.systemPrompt.trim() } : {}),
    ...(examples.length > 0 ? { examples } : {}),
  };
  if (target.type === 'remote') {
    const headers = nonEmpty(typedRows({ rows: state.headers, trimValues: false }));
    return { ...common, transport: 'http', url: state.url.trim(), ...(headers ? { headers } : {}) };
  }
  const secrets = nonEmpty(secretChanges({ state, target }) as Record<string, string>);
  if (target.type === 'connector') {
    const settings = nonEmpty(connectorSettings({ state, target }));
    return {
      ...common,
      kind: target.kind.kind,
      transport: 'stdio',
      ...(settings ? { settings } : {}),
      ...(secrets ? { secrets } : {}),
    };
  }
  const settings = nonEmpty(typedRows({ rows: state.environment, trimValues: true }));
  return {
    ...common,
    transport: 'stdio',
    command: state.command.trim(),
    args: lineList({ text: state.args }),
    ...(settings ? { settings } : {}),
    ...(secrets ? { secrets } : {}),
  };
}

/**
 * `PATCH /api/admin/datasources/:id` from the form: every field as it now stands, but of secrets and
 * headers only the changes (a new value, or null to clear), since the form never had the stored ones.
 */
export function updateRequestBody({
  state,
  target,
  saved,
}: {
  state: DatasourceFormState;
  target: DatasourceTarget;
  saved: AdminDatasource;
}): DatasourceUpdateBody {
  const examples = lineList({ text: state.examples });
  const common = {
    ...commonFields({ state }),
    systemPrompt: state.systemPrompt.trim() || null,
    examples: examples.length > 0 ? examples : null,
  };
  if (target.type === 'remote') {
    const headers = {
      ...removedNames({ saved: saved.headers, rows: state.headers }),
      ...typedRows({ rows: state.headers, trimValues: false }),
    };
    return { ...common, url: state.url.trim(), ...(nonEmpty(headers) ? { headers } : {}) };
  }
  if (target.type === 'connector') {
    const secrets = secretChanges({ state, target });
    return { ...common, settings: connectorSettings({ state, target }), ...(nonEmpty(secrets) ? { secrets } : {}) };
  }
  const secrets = {
    ...removedNames({ saved: saved.secrets, rows: state.secretEnvironment }),
    ...secretChanges({ state, target }),
  };
  return {
    ...common,
    command: state.command.trim(),
    args: lineList({ text: state.args }),
    settings: typedRows({ rows: state.environment, trimValues: true }),
    ...(nonEmpty(secrets) ? { secrets } : {}),
  };
}
