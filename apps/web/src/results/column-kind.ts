import { readValueFormat, type ValueFormat } from '@connectormcp/connector-kit/value-format';
import type { JsonSchema } from '../api/api-types.js';

/**
 * How the web shows one value, read from the tool's output schema (the kit's value-format vocabulary plus
 * the JSON types): never from the data itself.
 */
export type ColumnKind =
  | 'date-time'
  | 'date'
  | 'decimal'
  | 'money'
  | 'bytes'
  | 'milliseconds'
  | 'identifier'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'text'
  | 'list'
  | 'json';

const formatKinds: Record<ValueFormat, ColumnKind> = {
  'date-time': 'date-time',
  date: 'date',
  decimal: 'decimal',
  money: 'money',
  identifier: 'identifier',
  bytes: 'bytes',
  milliseconds: 'milliseconds',
};

/** Kinds whose values are quantities: right-aligned in tables and offered as chart series. */
export const numericKinds: ReadonlySet<ColumnKind> = new Set([
  'decimal',
  'money',
  'bytes',
  'milliseconds',
  'integer',
  'number',
]);

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];

/** `T | null` is written `anyOf: [T, { type: 'null' }]` (zod's nullable) or `type: [T, 'null']`. */
export function withoutNull({ schema }: { schema: JsonSchema }): JsonSchema {
  const options = schema.anyOf ?? (schema.oneOf as JsonSchema[] | undefined);
  if (Array.isArray(options)) {
    const present = options.filter((option) => !typesOf(option).every((type) => type === 'null'));
    if (present.length === 1) return { ...schema, ...present[0], anyOf: undefined, oneOf: undefined };
  }
  const types = typesOf(schema).filter((type) => type !== 'null');
  return types.length === 1 ? { ...schema, type: types[0] } : schema;
}

/** Money is `{ amount: <decimal string>, currency_code }` by contract, annotated or not. */
function isMoneyShape(schema: JsonSchema): boolean {
  const properties = schema.properties;
  return Boolean(properties && 'amount' in properties && 'currency_code' in properties);
}

export function columnKindOf({ schema }: { schema: JsonSchema | undefined }): ColumnKind {
  if (!schema) return 'json';
  // The kit's reader: `format` for date-time and date, its `x-value-format` keyword for the rest.
  const format = readValueFormat({ schema });
  if (format) return formatKinds[format];
  const plain = withoutNull({ schema });
  const [type] = typesOf(plain);
  if (type === 'object' && isMoneyShape(plain)) return 'money';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'string') return 'text';
  if (type === 'array') {
    const items = plain.items ? withoutNull({ schema: plain.items }) : undefined;
    const itemType = items ? typesOf(items)[0] : undefined;
    return itemType === 'string' || itemType === 'number' || itemType === 'integer' ? 'list' : 'json';
  }
  return 'json';
}
