/**
 * The vocabulary of value formats that ConnectorMCP tools put on their output schemas, and the reader
 * that consumers (the orchestrator, the web chat) use to find them. Pure: no Node, SDK or zod imports, so
 * a browser bundle can take it whole.
 */

/** Every value format a property of an output schema may carry. */
export const valueFormats = ['date-time', 'date', 'decimal', 'money', 'bytes', 'milliseconds', 'identifier'] as const;

export type ValueFormat = (typeof valueFormats)[number];

/**
 * The JSON Schema keyword for the formats JSON Schema has no word for (decimal, money, the units, identifier).
 * Not `format`: the MCP SDK's client validates structured content with AJV, which warns on the console for
 * every unknown `format` value, while it ignores an unknown `x-` keyword silently (it runs with
 * `strict: false`). `date-time` and `date` use the standard `format`, which AJV also checks.
 */
export const valueFormatKeyword = 'x-value-format';

/** The formats carried by the standard `format` keyword. */
export const standardFormats = ['date-time', 'date'] as const satisfies readonly ValueFormat[];

/** The formats carried by {@link valueFormatKeyword}. */
export const extendedFormats = [
  'decimal',
  'money',
  'bytes',
  'milliseconds',
  'identifier',
] as const satisfies readonly ValueFormat[];

export type StandardFormat = (typeof standardFormats)[number];
export type ExtendedFormat = (typeof extendedFormats)[number];

/** The JSON Schema annotation that marks a value with `format`, for schemas written by hand. */
export function valueFormatAnnotation({ format }: { format: ValueFormat }): Record<string, string> {
  return isStandardFormat(format) ? { format } : { [valueFormatKeyword]: format };
}

export function isValueFormat(value: unknown): value is ValueFormat {
  return typeof value === 'string' && (valueFormats as readonly string[]).includes(value);
}

function isStandardFormat(format: ValueFormat): format is StandardFormat {
  return (standardFormats as readonly string[]).includes(format);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullSchema(schema: unknown): boolean {
  return (
    isRecord(schema) &&
    (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.every((type) => type === 'null')))
  );
}

/**
 * The value format of one property's JSON Schema, or `undefined` when it has none. Sees through a
 * nullable wrapper (`anyOf`/`oneOf` with a `{ type: 'null' }` branch, as zod's `.nullable()` emits) and a
 * single-member `allOf`.
 */
export function readValueFormat({ schema }: { schema: unknown }): ValueFormat | undefined {
  if (!isRecord(schema)) return undefined;
  const extended = schema[valueFormatKeyword];
  if (isValueFormat(extended)) return extended;
  if (schema.format === 'date-time' || schema.format === 'date') return schema.format;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const values = branches.filter((branch) => !isNullSchema(branch));
    if (values.length === 1) return readValueFormat({ schema: values[0] });
  }
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1) return readValueFormat({ schema: allOf[0] });
  return undefined;
}
