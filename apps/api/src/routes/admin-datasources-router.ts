import {
  createConnectorHub,
  datasourceConfigSchema,
  type ConnectorHub,
  type DatasourceConfigInput,
} from '@connectormcp/orchestrator';
import { Router } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import { requireAdmin } from '../audit/require-admin.js';
import {
  createAdminDatasourceRequestSchema,
  updateAdminDatasourceRequestSchema,
  type AdminDatasource,
  type AdminDatasourcesResponse,
  type ConnectionTest,
  type ConnectorKind,
  type ConnectorKindsResponse,
  type DatasourceHealth,
} from '../contracts/index.js';
import { connectorCommand, type ConnectorCatalog } from '../datasources/connector-catalog.js';
import type { DatasourceRegistry, ManagedDatasource } from '../datasources/datasource-registry.js';
import {
  datasourceConfigOf,
  type DatasourceFields,
  type DatasourceStore,
  type StoredDatasource,
} from '../datasources/datasource-store.js';

/** What a datasource will be after a create or a change: its clear fields and the names of its secrets. */
interface Draft {
  id: string;
  fields: DatasourceFields;
  secretNames: string[];
  headerNames: string[];
}

const invalid = ({ path, message }: { path: string; message: string }) =>
  new ApiError({ status: 400, code: 'invalid_request', message, details: [{ path, message }] });

const notFound = (id: string) => new ApiError({ status: 404, code: 'not_found', message: `No datasource ${id}.` });

const readOnly = (id: string) =>
  new ApiError({
    status: 409,
    code: 'read_only_datasource',
    message: `${id} comes from the config file (CONNECTORMCP_CONFIG): change it there.`,
  });

const healthOf = ({ entry, hub }: { entry: ManagedDatasource; hub: ConnectorHub }): DatasourceHealth => {
  const idle = (reason: string): DatasourceHealth => ({
    status: 'unreachable',
    reason,
    checkedAt: null,
    latencyMs: null,
  });
  if (entry.problem) return idle(entry.problem);
  if (!entry.config.enabled) return idle('Disabled.');
  try {
    return hub.health(entry.config.id);
  } catch {
    return { status: 'checking', reason: null, checkedAt: null, latencyMs: null };
  }
};

const setMarkers = (names: string[]) => Object.fromEntries(names.map((name) => [name, { set: true as const }]));

/** A datasource as admins see it: secrets and header values by name only. */
function adminView({
  entry,
  stored,
  kind,
  hub,
}: {
  entry: ManagedDatasource;
  stored?: StoredDatasource;
  kind?: ConnectorKind;
  hub: ConnectorHub;
}): AdminDatasource {
  const common = {
    id: entry.config.id,
    name: entry.config.name,
    source: entry.source,
    readOnly: entry.source === 'file',
    enabled: entry.config.enabled,
    access: entry.access,
    health: healthOf({ entry, hub }),
  };
  if (stored)
    return {
      ...common,
      kind: stored.kind,
      transport: stored.url === null ? 'stdio' : 'http',
      command: stored.command,
      args: stored.args,
      url: stored.url,
      settings: stored.settings,
      secrets: setMarkers(Object.keys(stored.secrets)),
      headers: setMarkers(Object.keys(stored.headers)),
      systemPrompt: stored.systemPrompt,
      examples: stored.examples,
      callTimeoutMs: stored.callTimeoutMs,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
    };
  const config = entry.config;
  // A file's values show only where the kind's own spec says the variable is not secret.
  const clear = new Set(kind?.variables.filter((variable) => !variable.isSecret).map((variable) => variable.name));
  const env = Object.entries(config.env);
  return {
    ...common,
    kind: config.kind ?? null,
    transport: config.url === undefined ? 'stdio' : 'http',
    command: config.command ?? null,
    args: config.args,
    url: config.url ?? null,
    settings: Object.fromEntries(env.filter(([name]) => clear.has(name))),
    secrets: setMarkers(env.filter(([name]) => !clear.has(name)).map(([name]) => name)),
    headers: setMarkers(Object.keys(config.headers)),
    systemPrompt: config.systemPrompt ?? null,
    examples: config.examples ?? null,
    callTimeoutMs: config.callTimeoutMs,
    createdAt: null,
    updatedAt: null,
    updatedBy: null,
  };
}

/**
 * Checks a draft against its transport and, for a known kind run by its own connector, against the variables
 * that connector declares: unknown names, secrets sent as settings and missing required variables are refused,
 * naming the variable.
 */
async function checkDraft({ draft, catalog }: { draft: Draft; catalog: ConnectorCatalog }): Promise<void> {
  const { fields, secretNames, headerNames } = draft;
  if (fields.url !== null) {
    if (fields.command !== null || fields.args.length > 0)
      throw invalid({ path: 'command', message: 'A remote datasource (transport http) has a url, not a command.' });
    if (Object.keys(fields.settings).length > 0 || secretNames.length > 0)
      throw invalid({
        path: 'settings',
        message: 'A remote datasource (transport http) is configured on its server: send headers, not variables.',
      });
    return;
  }
  if (headerNames.length > 0)
    throw invalid({ path: 'headers', message: 'Headers are sent to a url; a command connector gets variables.' });
  if (fields.command !== null) return;
  if (!fields.kind || !connectorCommand({ kind: fields.kind }))
    throw invalid({
      path: 'command',
      message: `command: required unless kind is one of this project's connectors (mysql, s3, jira, shopify).`,
    });
  const kind = await catalog.kind(fields.kind);
  if (!kind)
    throw new ApiError({
      status: 503,
      code: 'connector_unavailable',
      message: `The ${fields.kind} connector could not describe its settings; try again shortly.`,
    });
  const variables = new Map(kind.variables.map((variable) => [variable.name, variable]));
  for (const name of Object.keys(fields.settings)) {
    const variable = variables.get(name);
    if (!variable) throw invalid({ path: `settings.${name}`, message: `${kind.title} has no variable ${name}.` });
    if (variable.isSecret)
      throw invalid({ path: `settings.${name}`, message: `${name} is secret: send it in secrets, never in settings.` });
  }
  for (const name of secretNames)
    if (!variables.has(name))
      throw invalid({ path: `secrets.${name}`, message: `${kind.title} has no variable ${name}.` });
  for (const variable of kind.variables)
    if (
      variable.isRequired &&
      variable.default === undefined &&
      !(variable.name in fields.settings) &&
      !secretNames.includes(variable.name)
    )
      throw invalid({
        path: variable.isSecret ? `secrets.${variable.name}` : `settings.${variable.name}`,
        message: `${variable.name} is required by ${kind.title}.`,
      });
}

/** The fields a change touched, by name (secrets and headers by name too: never a value). */
function changedNames({
  before,
  after,
  secrets = {},
  headers = {},
}: {
  before?: DatasourceFields;
  after: DatasourceFields;
  secrets?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}): Record<string, string[]> {
  const changed = (Object.keys(after) as Array<keyof DatasourceFields>).filter(
    (field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  return { changed, secrets: Object.keys(secrets), headers: Object.keys(headers) };
}

/** Tests a config on a hub of its own that is closed afterwards: nothing is saved and nothing else restarts. */
async function testOnce({ config }: { config: DatasourceConfigInput }): Promise<ConnectionTest> {
  const parsed = datasourceConfigSchema.safeParse(config);
  if (!parsed.success)
    throw invalid({
      path: parsed.error.issues[0]?.path.join('.') ?? '',
      message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    });
  const hub = createConnectorHub({ datasources: [{ ...config, enabled: true }] });
  try {
    return await hub.test(parsed.data.id);
  } finally {
    await hub.close();
  }
}

/**
 * `/api/admin`: connector kinds and the datasources managed in the app (admins only). Every change bumps the
 * datasources' revision, so this and every other instance restart only that datasource's connector.
 */
export function adminDatasourcesRouter({
  registry,
  store,
  hub,
  catalog,
  auditLog,
}: {
  registry: DatasourceRegistry;
  store: DatasourceStore;
  hub: ConnectorHub;
  catalog: ConnectorCatalog;
  auditLog: AuditLog;
}): Router {
  const router = Router();
  router.use(requireAdmin);

  const view = async (entry: ManagedDatasource) =>
    entry.source === 'app'
      ? adminView({ entry, stored: await store.find(entry.config.id), hub })
      : adminView({ entry, hub, ...(entry.config.kind ? { kind: await catalog.kind(entry.config.kind) } : {}) });

  const appDatasource = async (id: string) => {
    await registry.sync();
    const entry = registry.find(id);
    if (!entry) throw notFound(id);
    if (entry.source === 'file') throw readOnly(id);
    const stored = await store.find(id);
    if (!stored) throw notFound(id);
    return stored;
  };

  const saved = async (id: string) => {
    await registry.sync({ fresh: true });
    const entry = registry.find(id);
    if (!entry) throw notFound(id);
    return view(entry);
  };

  router.get('/connector-kinds', async (_request, response) => {
    const body: ConnectorKindsResponse = { kinds: await catalog.kinds() };
    response.json(body);
  });

  router.get('/datasources', async (_request, response) => {
    await registry.sync();
    const stored = new Map((await store.list()).map((datasource) => [datasource.id, datasource]));
    const datasources: AdminDatasource[] = [];
    for (const entry of registry.list()) {
      const own = stored.get(entry.config.id);
      datasources.push(
        entry.source === 'app' && own
          ? adminView({ entry, stored: own, hub })
          : adminView({ entry, hub, ...(entry.config.kind ? { kind: await catalog.kind(entry.config.kind) } : {}) }),
      );
    }
    const body: AdminDatasourcesResponse = { datasources };
    response.json(body);
  });

  const draftOfCreate = (body: ReturnType<typeof createAdminDatasourceRequestSchema.parse>): Draft => {
    const http = body.transport === 'http';
    if (http && !body.url)
      throw invalid({ path: 'url', message: 'url: required for a remote datasource (transport http).' });
    if (!http && body.url)
      throw invalid({ path: 'url', message: 'url: only for a remote datasource (transport http).' });
    return {
      id: body.id,
      fields: {
        name: body.name,
        kind: body.kind ?? null,
        command: body.command ?? null,
        args: body.args ?? [],
        url: http ? body.url! : null,
        settings: body.settings ?? {},
        systemPrompt: body.systemPrompt ?? null,
        examples: body.examples ?? null,
        enabled: body.enabled ?? true,
        callTimeoutMs: body.callTimeoutMs ?? 60_000,
        access: body.access ?? { use: null, approve: null },
      },
      secretNames: Object.keys(body.secrets ?? {}),
      headerNames: Object.keys(body.headers ?? {}),
    };
  };

  router.post('/datasources/test', async (request, response) => {
    const body = createAdminDatasourceRequestSchema.parse(request.body);
    const draft = draftOfCreate(body);
    await checkDraft({ draft, catalog });
    const config = datasourceConfigOf({
      id: body.id,
      fields: draft.fields,
      secrets: body.secrets ?? {},
      headers: body.headers ?? {},
    });
    const result = await testOnce({ config });
    response.json(result);
  });

  router.post('/datasources', async (request, response) => {
    const body = createAdminDatasourceRequestSchema.parse(request.body);
    const draft = draftOfCreate(body);
    await registry.sync();
    if (registry.find(body.id))
      throw new ApiError({
        status: 409,
        code: 'datasource_exists',
        message: `A datasource ${body.id} exists already.`,
      });
    await checkDraft({ draft, catalog });
    const user = actingUser(request);
    const created = await store.create({
      id: body.id,
      fields: draft.fields,
      secrets: body.secrets ?? {},
      headers: body.headers ?? {},
      actorId: user.id,
    });
    if (!created)
      throw new ApiError({
        status: 409,
        code: 'datasource_exists',
        message: `A datasource ${body.id} exists already.`,
      });
    await auditLog.record({
      actor: user,
      action: 'datasource_created',
      datasource: body.id,
      status: 'ok',
      detail: changedNames({ after: draft.fields, secrets: body.secrets ?? {}, headers: body.headers ?? {} }),
    });
    response.status(201).json(await saved(body.id));
  });

  router.patch('/datasources/:id', async (request, response) => {
    const body = updateAdminDatasourceRequestSchema.parse(request.body ?? {});
    const current = await appDatasource(request.params.id);
    const transport = body.transport ?? (current.url === null ? 'stdio' : 'http');
    const http = transport === 'http';
    const url = http ? (body.url ?? current.url) : null;
    if (http && !url)
      throw invalid({ path: 'url', message: 'url: required for a remote datasource (transport http).' });
    if (!http && body.url)
      throw invalid({ path: 'url', message: 'url: only for a remote datasource (transport http).' });
    const before: DatasourceFields = {
      name: current.name,
      kind: current.kind,
      command: current.command,
      args: current.args,
      url: current.url,
      settings: current.settings,
      systemPrompt: current.systemPrompt,
      examples: current.examples,
      enabled: current.enabled,
      callTimeoutMs: current.callTimeoutMs,
      access: current.access,
    };
    const fields: DatasourceFields = {
      name: body.name ?? current.name,
      kind: body.kind === undefined ? current.kind : body.kind,
      command: body.command === undefined ? current.command : body.command,
      args: body.args ?? current.args,
      url,
      settings: body.settings ?? current.settings,
      systemPrompt: body.systemPrompt === undefined ? current.systemPrompt : body.systemPrompt,
      examples: body.examples === undefined ? current.examples : body.examples,
      enabled: body.enabled ?? current.enabled,
      callTimeoutMs: body.callTimeoutMs ?? current.callTimeoutMs,
      access: body.access ?? current.access,
    };
    const names = (existing: Record<string, string>, changes: Record<string, string | null> = {}) =>
      [...new Set([...Object.keys(existing), ...Object.keys(changes)])].filter((name) =>
        name in changes ? changes[name] !== null : true,
      );
    // Leaving for the other transport drops what only the old one used.
    const secretChanges = http
      ? Object.fromEntries(Object.keys(current.secrets).map((name) => [name, null]))
      : (body.secrets ?? {});
    const headerChanges = http
      ? (body.headers ?? {})
      : Object.fromEntries(Object.keys(current.headers).map((name) => [name, null]));
    if (http && current.url === null) Object.assign(fields, { command: null, args: [], settings: {} });
    const draft: Draft = {
      id: current.id,
      fields,
      secretNames: names(http ? {} : current.secrets, http ? {} : body.secrets),
      headerNames: names(http ? current.headers : {}, http ? body.headers : {}),
    };
    if (http && body.secrets && Object.keys(body.secrets).length > 0)
      throw invalid({ path: 'secrets', message: 'A remote datasource (transport http) has headers, not secrets.' });
    if (!http && body.headers && Object.keys(body.headers).length > 0)
      throw invalid({ path: 'headers', message: 'Headers are sent to a url; a command connector gets variables.' });
    await checkDraft({ draft, catalog });
    const user = actingUser(request);
    const updated = await store.update({
      id: current.id,
      fields,
      secrets: secretChanges,
      headers: headerChanges,
      actorId: user.id,
    });
    if (!updated) throw notFound(current.id);
    await auditLog.record({
      actor: user,
      action: 'datasource_updated',
      datasource: current.id,
      status: 'ok',
      detail: changedNames({ before, after: fields, secrets: body.secrets ?? {}, headers: body.headers ?? {} }),
    });
    response.json(await saved(current.id));
  });

  router.delete('/datasources/:id', async (request, response) => {
    const current = await appDatasource(request.params.id);
    await store.remove({ id: current.id });
    await registry.sync({ fresh: true });
    await auditLog.record({
      actor: actingUser(request),
      action: 'datasource_deleted',
      datasource: current.id,
      status: 'ok',
      detail: { changed: [] },
    });
    response.status(204).end();
  });

  router.post('/datasources/:id/test', async (request, response) => {
    await registry.sync();
    const entry = registry.find(request.params.id);
    if (!entry) throw notFound(request.params.id);
    if (entry.problem) {
      const body: ConnectionTest = {
        datasourceId: entry.config.id,
        status: 'error',
        toolCount: 0,
        latencyMs: 0,
        error: entry.problem,
      };
      return void response.json(body);
    }
    // A disabled datasource is tested on its own, without enabling it for everyone.
    const body: ConnectionTest = entry.config.enabled
      ? await hub.test(entry.config.id)
      : await testOnce({ config: entry.config });
    response.json(body);
  });

  return router;
}
