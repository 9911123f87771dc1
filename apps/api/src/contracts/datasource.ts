import { z } from 'zod';
import { jsonSchemaSchema } from './json-schema.js';

export const datasourceHealthStatusSchema = z.enum(['checking', 'connected', 'degraded', 'unreachable']);

/** A datasource's live status: from its source's own check, not from whether the connector process runs. */
export const datasourceHealthSchema = z.object({
  status: datasourceHealthStatusSchema,
  /** Plain words, never a secret. */
  reason: z.string().nullable(),
  checkedAt: z.iso.datetime({ offset: true }).nullable(),
  latencyMs: z.number().nonnegative().nullable(),
});

export const datasourceToolSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  readOnly: z.boolean(),
  /** Connection defaults appear as JSON Schema `default`. */
  inputSchema: jsonSchemaSchema,
  outputSchema: jsonSchemaSchema.nullable(),
});

export const datasourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  health: datasourceHealthSchema,
  /** Whether any of its tools can change data (those ask for approval). */
  writes: z.boolean(),
  /** Clickable example questions. */
  examples: z.array(z.string()),
  tools: z.array(datasourceToolSchema),
});

/** `GET /api/datasources`. */
export const datasourcesResponseSchema = z.object({ datasources: z.array(datasourceSchema) });

/** `GET /api/datasources/:id/test`. */
export const connectionTestSchema = z.object({
  datasourceId: z.string(),
  status: z.enum(['ok', 'error']),
  toolCount: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
  /** The connector's own `--check` line. */
  check: z.string().optional(),
  error: z.string().optional(),
});

/** `POST /api/datasources/:id/tools/:tool` (the explorer; read-only tools only). */
export const toolRunRequestSchema = z.object({
  arguments: z.record(z.string(), z.unknown()).default({}),
});

export const toolContentBlockSchema = z.looseObject({ type: z.string() });

export const toolRunResponseSchema = z.object({
  content: z.array(toolContentBlockSchema),
  structuredContent: z.unknown().optional(),
  isError: z.boolean(),
  durationMs: z.number().int().nonnegative(),
  /** The connector's stable error code (`INVALID_INPUT`, `READ_ONLY`, …) when the call failed. */
  errorCode: z.string().nullable(),
  /** Exactly the text the model would receive for this result. */
  modelText: z.string(),
  outputSchema: jsonSchemaSchema.nullable(),
});

export type DatasourceHealth = z.infer<typeof datasourceHealthSchema>;
export type DatasourceHealthStatus = z.infer<typeof datasourceHealthStatusSchema>;
export type DatasourceTool = z.infer<typeof datasourceToolSchema>;
export type Datasource = z.infer<typeof datasourceSchema>;
export type DatasourcesResponse = z.infer<typeof datasourcesResponseSchema>;
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
export type ToolRunRequest = z.input<typeof toolRunRequestSchema>;
export type ToolContentBlock = z.infer<typeof toolContentBlockSchema>;
export type ToolRunResponse = z.infer<typeof toolRunResponseSchema>;
