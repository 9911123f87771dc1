import type { JsonSchema } from '../api/api-types.js';
import { humaniseFieldName } from './humanise-field-name.js';

/**
 * The control a field gets: `code` is a query language (SQL, JQL) in a monospace editor, `search` a free-text
 * search, `long-text` prose such as a comment body; the rest follow the JSON Schema type.
 */
export type FieldKind =
  'text' | 'search' | 'code' | 'long-text' | 'number' | 'integer' | 'boolean' | 'enum' | 'list' | 'json';

export interface FormField {
  name: string;
  /** The schema's `title`, else the name in words ("max_rows" → "Max rows"). */
  label: string;
  kind: FieldKind;
  /** Required and without a default: a default (e.g. the connection's database) fills it otherwise. */
  required: boolean;
  description?: string;
  options?: string[];
  defaultValue?: unknown;
  /** A list's item type: its values are numbers when the schema says so. */
  itemType?: 'string' | 'number' | 'integer';
}

export type FormValues = Record<string, string | boolean>;

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  return schema.anyOf?.map(typeOf).find((type) => type && type !== 'null');
}

/**
 * The one scalar type of an array's items, when they have exactly one: a comma-separated list can then be
 * read back without guessing. Items of several types (MySQL `params`: string, number, boolean or null)
 * are edited as JSON, which keeps each value's type.
 */
function listItemType({ property }: { property: JsonSchema }): 'string' | 'number' | 'integer' | undefined {
  const type = property.items?.type;
  return type === 'string' || type === 'number' || type === 'integer' ? type : undefined;
}

function kindOf({ name, property }: { name: string; property: JsonSchema }): FieldKind {
  const type = typeOf(property);
  if (property.enum) return 'enum';
  if (type === 'string') {
    if (/sql|jql|statement/i.test(name)) return 'code';
    if (/^(query|q|search|text)$/i.test(name)) return 'search';
    if (/body|description|content/i.test(name)) return 'long-text';
    return 'text';
  }
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array' && listItemType({ property })) return 'list';
  return 'json';
}

/** The fields of a tool's input schema, each with its label and the control that fits it. */
export function formFields({ schema }: { schema: JsonSchema }): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const kind = kindOf({ name, property });
    const itemType = kind === 'list' ? listItemType({ property }) : undefined;
    return {
      name,
      label: typeof property.title === 'string' && property.title ? property.title : humaniseFieldName({ name }),
      kind,
      required: required.has(name) && property.default === undefined,
      ...(property.description ? { description: property.description } : {}),
      ...(property.enum ? { options: property.enum.map(String) } : {}),
      ...(property.default !== undefined ? { defaultValue: property.default } : {}),
      ...(itemType ? { itemType } : {}),
    };
  });
}

function schemaOfValue(value: unknown): JsonSchema {
  if (typeof value === 'string') return { type: 'string' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return { type: 'array', items: { type: 'string' } };
  return {};
}

/**
 * A tool's input schema widened by arguments it does not list (or the arguments alone when the tool is not
 * known any more), so editing a call never drops one of its arguments.
 */
export function schemaWithArguments({
  schema,
  arguments: toolArguments,
}: {
  schema: JsonSchema | undefined;
  arguments: unknown;
}): JsonSchema {
  const properties = { ...(schema?.properties ?? {}) };
  if (toolArguments && typeof toolArguments === 'object' && !Array.isArray(toolArguments))
    for (const [name, value] of Object.entries(toolArguments))
      if (!(name in properties)) properties[name] = schemaOfValue(value);
  return { ...(schema ?? { type: 'object' }), properties };
}

function valueForField({ field, value }: { field: FormField; value: unknown }): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'list' && Array.isArray(value)) return value.map(String).join(', ');
  if (field.kind === 'json' || (typeof value === 'object' && value !== null)) return JSON.stringify(value, null, 2);
  return String(value);
}

/** What the form shows at first: the given arguments, else each field's default (what would run anyway). */
export function initialFormValues({
  fields,
  arguments: toolArguments,
}: {
  fields: FormField[];
  arguments?: unknown;
}): FormValues {
  const given = (toolArguments && typeof toolArguments === 'object' ? toolArguments : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of fields) {
    const value = valueForField({ field, value: field.name in given ? given[field.name] : field.defaultValue });
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

export class FormValueError extends Error {
  readonly field: string;
  constructor({ field, message }: { field: string; message: string }) {
    super(message);
    this.name = 'FormValueError';
    this.field = field;
  }
}

/**
 * Turns what was typed into the tool's arguments: empty optional fields are left out (the tool's own
 * defaults apply), numbers and JSON are parsed, lists split on commas. Throws FormValueError naming the field.
 */
export function formValuesToArguments({
  fields,
  values,
}: {
  fields: FormField[];
  values: FormValues;
}): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (value !== undefined && value !== '') result[field.name] = Boolean(value);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) throw new FormValueError({ field: field.name, message: `${field.label} is required.` });
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(text);
      if (!Number.isFinite(number) || (field.kind === 'integer' && !Number.isInteger(number)))
        throw new FormValueError({
          field: field.name,
          message: `${field.label} must be ${field.kind === 'integer' ? 'a whole number' : 'a number'}.`,
        });
      result[field.name] = number;
    } else if (field.kind === 'list') {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (field.itemType === 'number' || field.itemType === 'integer') {
        const numbers = items.map(Number);
        if (
          numbers.some(
            (number) => !Number.isFinite(number) || (field.itemType === 'integer' && !Number.isInteger(number)),
          )
        )
          throw new FormValueError({
            field: field.name,
            message: `${field.label} must be ${field.itemType === 'integer' ? 'whole numbers' : 'numbers'}, separated by commas.`,
          });
        result[field.name] = numbers;
      } else result[field.name] = items;
    } else if (field.kind === 'json') {
      try {
        result[field.name] = JSON.parse(text);
      } catch {
        throw new FormValueError({ field: field.name, message: `${field.label} must be valid JSON.` });
      }
    } else {
      // Queries and prose keep their inner whitespace exactly as typed.
      result[field.name] = typeof value === 'string' ? value : text;
    }
  }
  return result;
}
