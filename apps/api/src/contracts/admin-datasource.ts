import { z } from 'zod';
import { datasourceHealthSchema } from './datasource.js';

/** One environment variable of a connector, from its own `--describe-config`. */
export const environmentVariableFactsSchema = z.object({
  name: z.string(),
  description: z.string(),
  format: z.enum(['string', 'number', 'boolean', 'filepath']),
  isRequired: z.boolean(),
  isSecret: z.boolean(),
  default: z.string().optional(),
  choices: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  placeholder: z.string().optional(),
});

/** A connector an admin can add a datasource of, with the variables its form is built from. */
export const connectorKindSchema = z.object({
  kind: z.string(),
  title: z.string(),
  package: z.string(),
  version: z.string(),
  transport: z.literal('stdio'),
  /** The connector's own variables, then those every connector has (LOG_LEVEL, …). */
  variables: z.array(environmentVariableFactsSchema),
});

/** `GET /api/admin/connector-kinds`. */
export const connectorKindsResponseSchema = z.object({ kinds: z.array(connectorKindSchema) });

export const datasourceAccessSchema = z.object({
  /** Groups whose members may use the datasource; null: everyone. */
  use: z.array(z.string().min(1).max(200)).nullable(),
  /** Groups whose members may approve its writes; null: the owner of the run. */
  approve: z.array(z.string().min(1).max(200)).nullable(),
});

const setMarkerSchema = z.object({ set: z.literal(true) });

/** A datasource as admins see it: never a secret value, header value or ciphertext. */
export const adminDatasourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  source: z.enum(['file', 'app']),
  /** File datasources are changed in the config file, not here. */
  readOnly: z.boolean(),
  enabled: z.boolean(),
  transport: z.enum(['stdio', 'http']),
  /** Null for a known kind's own connector (or a remote one). */
  command: z.string().nullable(),
  args: z.array(z.string()),
  url: z.string().nullable(),
  /** Variables that are not secret, with their values. */
  settings: z.record(z.string(), z.string()),
  /** Secret variables that have a value: their names only. */
  secrets: z.record(z.string(), setMarkerSchema),
  headers: z.record(z.string(), setMarkerSchema),
  systemPrompt: z.string().nullable(),
  examples: z.array(z.string()).nullable(),
  callTimeoutMs: z.number().int(),
  access: datasourceAccessSchema,
  health: datasourceHealthSchema,
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedBy: z.string().nullable(),
});

/** `GET /api/admin/datasources`. */
export const adminDatasourcesResponseSchema = z.object({ datasources: z.array(adminDatasourceSchema) });

const datasourceIdPattern = /^[a-z0-9][a-z0-9_-]{0,29}$/;
const variableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an environment variable name');
const headerNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/, 'an HTTP header name');
const valueSchema = z.string().max(8192);

const editableFields = {
  name: z.string().trim().min(1).max(80),
  kind: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
    .nullable(),
  transport: z.enum(['stdio', 'http']),
  command: z.string().min(1).max(1000).nullable(),
  args: z.array(z.string().max(1000)).max(100),
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL of an MCP server (Streamable HTTP)' }),
  settings: z.record(variableNameSchema, valueSchema),
  systemPrompt: z.string().max(4000).nullable(),
  examples: z.array(z.string().trim().min(1).max(200)).max(5).nullable(),
  enabled: z.boolean(),
  callTimeoutMs: z.number().int().min(1000).max(600_000),
  access: datasourceAccessSchema,
};

/** `POST /api/admin/datasources` (and `POST /api/admin/datasources/test`, which saves nothing). */
export const createAdminDatasourceRequestSchema = z.strictObject({
  id: z.string().regex(datasourceIdPattern, 'lowercase letters, digits, _ and -, at most 30 characters'),
  name: editableFields.name,
  kind: editableFields.kind.optional(),
  transport: editableFields.transport.default('stdio'),
  command: editableFields.command.optional(),
  args: editableFields.args.optional(),
  url: editableFields.url.optional(),
  settings: editableFields.settings.optional(),
  secrets: z.record(variableNameSchema, valueSchema).optional(),
  headers: z.record(headerNameSchema, valueSchema).optional(),
  systemPrompt: editableFields.systemPrompt.optional(),
  examples: editableFields.examples.optional(),
  enabled: editableFields.enabled.optional(),
  callTimeoutMs: editableFields.callTimeoutMs.optional(),
  access: editableFields.access.optional(),
});

/** `PATCH /api/admin/datasources/:id`: given fields replace; `secrets`/`headers` set (string) or clear (null) one by name. */
export const updateAdminDatasourceRequestSchema = z.strictObject({
  name: editableFields.name.optional(),
  kind: editableFields.kind.optional(),
  transport: editableFields.transport.optional(),
  command: editableFields.command.optional(),
  args: editableFields.args.optional(),
  url: editableFields.url.nullable().optional(),
  settings: editableFields.settings.optional(),
  secrets: z.record(variableNameSchema, valueSchema.nullable()).optional(),
  headers: z.record(headerNameSchema, valueSchema.nullable()).optional(),
  systemPrompt: editableFields.systemPrompt.optional(),
  examples: editableFields.examples.optional(),
  enabled: editableFields.enabled.optional(),
  callTimeoutMs: editableFields.callTimeoutMs.optional(),
  access: editableFields.access.optional(),
});

export type EnvironmentVariableFacts = z.infer<typeof environmentVariableFactsSchema>;
export type ConnectorKind = z.infer<typeof connectorKindSchema>;
export type ConnectorKindsResponse = z.infer<typeof connectorKindsResponseSchema>;
export type DatasourceAccessBody = z.infer<typeof datasourceAccessSchema>;
export type AdminDatasource = z.infer<typeof adminDatasourceSchema>;
export type AdminDatasourcesResponse = z.infer<typeof adminDatasourcesResponseSchema>;
export type CreateAdminDatasourceRequest = z.input<typeof createAdminDatasourceRequestSchema>;
export type UpdateAdminDatasourceRequest = z.input<typeof updateAdminDatasourceRequestSchema>;
