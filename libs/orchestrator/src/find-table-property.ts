import type { JsonSchema } from './json-schema.js';

const hasType = ({ schema, type }: { schema: JsonSchema | undefined; type: string }) =>
  schema !== undefined && (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type)));

/**
 * The top-level property of a tool's output that holds its rows, read from the output schema alone: the SQL
 * shape (`columns` plus `rows`, an array of arrays), else the only property that is an array of objects.
 * Undefined when the schema declares no table or more than one candidate.
 */
export function findTableProperty({ outputSchema }: { outputSchema: JsonSchema | undefined }): string | undefined {
  const properties = outputSchema?.properties ?? {};
  const rows = properties.rows;
  if (hasType({ schema: properties.columns, type: 'array' }) && hasType({ schema: rows, type: 'array' })) {
    if (hasType({ schema: rows!.items, type: 'array' }) || Object.keys(rows!.items ?? {}).length === 0) return 'rows';
  }
  const candidates = Object.entries(properties)
    .filter(([, schema]) => hasType({ schema, type: 'array' }) && hasType({ schema: schema.items, type: 'object' }))
    .map(([name]) => name);
  return candidates.length === 1 ? candidates[0] : undefined;
}
