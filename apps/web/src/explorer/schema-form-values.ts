import type { JsonSchema } from '../api/api-types.js';

export type FieldKind = 'text' | 'long-text' | 'number' | 'integer' | 'boolean' | 'enum' | 'list' | 'json';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: string[];
  defaultValue?: unknown;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  return schema.anyOf?.map(typeOf).find((type) => type && type !== 'null');
}

/** The fields of a tool's input schema, each with the control that fits it. */
export function formFields({ schema }: { schema: JsonSchema }): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const type = typeOf(property);
    let kind: FieldKind = 'json';
    if (property.enum) kind = 'enum';
    else if (type === 'string') kind = /sql|jql|query|statement|body|description/i.test(name) ? 'long-text' : 'text';
    else if (type === 'integer') kind = 'integer';
    else if (type === 'number') kind = 'number';
    else if (type === 'boolean') kind = 'boolean';
    else if (type === 'array' && ['string', 'number', 'integer'].includes(typeOf(property.items ?? {}) ?? ''))
      kind = 'list';
    return {
      name,
      kind,
      required: required.has(name),
      ...(property.description ? { description: property.description } : {}),
      ...(property.enum ? { options: property.enum.map(String) } : {}),
      ...(property.default !== undefined ? { defaultValue: property.default } : {}),
    };
  });
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
  values: Record<string, string | boolean>;
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
      if (field.required) throw new FormValueError({ field: field.name, message: `${field.name} is required.` });
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(text);
      if (!Number.isFinite(number) || (field.kind === 'integer' && !Number.isInteger(number)))
        throw new FormValueError({
          field: field.name,
          message: `${field.name} must be ${field.kind === 'integer' ? 'a whole number' : 'a number'}.`,
        });
      result[field.name] = number;
    } else if (field.kind === 'list') {
      result[field.name] = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    } else if (field.kind === 'json') {
      try {
        result[field.name] = JSON.parse(text);
      } catch {
        throw new FormValueError({ field: field.name, message: `${field.name} must be valid JSON.` });
      }
    } else {
      result[field.name] = typeof value === 'string' ? value : text;
    }
  }
  return result;
}
