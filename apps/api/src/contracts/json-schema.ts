import { z } from 'zod';

/** A JSON Schema as tools declare their input and output (the keywords the web reads, and any others). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

// Tools' schemas come from connectors as they are: only their being an object is the API's promise.
export const jsonSchemaSchema = z.custom<JsonSchema>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a JSON Schema object',
);
