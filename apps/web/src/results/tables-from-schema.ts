import type { JsonSchema } from '../api/api-types.js';
import { columnKindOf, withoutNull, type ColumnKind } from './column-kind.js';
import type { TypedColumn, TypedTable } from './typed-table.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isType = (schema: JsonSchema | undefined, type: string) =>
  schema !== undefined && (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type)));

/** "created_at" → "Created at"; "itemCount" → "Item count". */
export function labelOf({ key, schema }: { key: string; schema?: JsonSchema }): string {
  if (typeof schema?.title === 'string' && schema.title) return schema.title;
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

const sqlKinds = new Set<ColumnKind>([
  'date-time',
  'date',
  'decimal',
  'money',
  'bytes',
  'milliseconds',
  'identifier',
  'integer',
  'number',
  'boolean',
  'text',
  'json',
]);

/** The SQL shape: `columns: [{ name, type, format? }]` beside `rows: unknown[][]`. */
function isSqlShape(schema: JsonSchema): boolean {
  const columns = schema.properties?.columns;
  const rows = schema.properties?.rows;
  return (
    isType(columns, 'array') &&
    isType(columns?.items, 'object') &&
    Boolean(columns?.items?.properties?.name) &&
    isType(rows, 'array') &&
    isType(rows?.items, 'array')
  );
}

// Columns with no format arrive as JSON numbers or text; their declared SQL type says which.
const sqlTypeKinds = new Map<string, ColumnKind>([
  ['TINY', 'integer'],
  ['SHORT', 'integer'],
  ['LONG', 'integer'],
  ['INT24', 'integer'],
  ['FLOAT', 'number'],
  ['DOUBLE', 'number'],
  ['JSON', 'json'],
]);

/**
 * Each SQL column carries its format (the connector computes it from the column's type); a column with
 * none is a number or text as its declared type says.
 */
function sqlTable({ result }: { result: Record<string, unknown> }): TypedTable | undefined {
  if (!Array.isArray(result.columns) || !Array.isArray(result.rows)) return undefined;
  const columns: TypedColumn[] = result.columns.map((column) => {
    const described = isPlainObject(column) ? column : { name: String(column) };
    const key = String(described.name ?? '');
    const format = typeof described.format === 'string' ? described.format : undefined;
    const declared = typeof described.type === 'string' ? sqlTypeKinds.get(described.type.toUpperCase()) : undefined;
    const kind = format && sqlKinds.has(format as ColumnKind) ? (format as ColumnKind) : (declared ?? 'text');
    return { key, label: key, kind };
  });
  const rows = result.rows.map((row) => (Array.isArray(row) ? row : [row]));
  return { name: 'rows', columns, rows };
}

function objectTable({
  name,
  itemSchema,
  items,
}: {
  name: string;
  itemSchema: JsonSchema;
  items: unknown[];
}): TypedTable {
  const properties = Object.entries(itemSchema.properties ?? {});
  const columns: TypedColumn[] = properties.map(([key, schema]) => ({
    key,
    label: labelOf({ key, schema }),
    kind: columnKindOf({ schema }),
  }));
  const rows = items.map((item) => columns.map((column) => (isPlainObject(item) ? item[column.key] : undefined)));
  return { name, columns, rows };
}

/**
 * The tables a tool's result holds, found from its output schema (never from the data): the SQL shape, or
 * each top-level property that is an array of objects (columns = the item schema's properties, in order).
 * A SQL result without its schema (an older stored call) still carries its own column list.
 */
export function tablesFromSchema({
  result,
  outputSchema,
}: {
  result: unknown;
  outputSchema: JsonSchema | null | undefined;
}): TypedTable[] {
  if (!isPlainObject(result)) return [];
  if (!outputSchema) {
    const sql = Array.isArray(result.columns) && result.columns.every(isPlainObject) ? sqlTable({ result }) : undefined;
    return sql ? [sql] : [];
  }
  const schema = withoutNull({ schema: outputSchema });
  if (isSqlShape(schema)) {
    const table = sqlTable({ result });
    return table ? [table] : [];
  }
  const tables: TypedTable[] = [];
  for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
    const property = withoutNull({ schema: propertySchema });
    const itemSchema = property.items ? withoutNull({ schema: property.items }) : undefined;
    const value = result[key];
    if (isType(property, 'array') && isType(itemSchema, 'object') && itemSchema?.properties && Array.isArray(value))
      tables.push(objectTable({ name: key, itemSchema, items: value }));
  }
  return tables;
}
