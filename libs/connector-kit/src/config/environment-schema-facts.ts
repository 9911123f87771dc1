import type { z } from 'zod';

/** What a schema helper knows about its variable beyond parsing, for the registry, hosts and install links. */
export interface EnvironmentSchemaFacts {
  format: 'string' | 'number' | 'boolean' | 'filepath';
  /** As the registry and hosts want it: "200", "true". */
  default?: string;
  choices?: string[];
}

// A WeakMap rather than zod's .meta(): .meta() clones the schema and registers it in zod's global registry,
// whereas here the schema each helper returns stays the very object that parses, and nothing is kept alive.
const factsBySchema = new WeakMap<z.ZodType, EnvironmentSchemaFacts>();

export function recordSchemaFacts<Schema extends z.ZodType>({
  schema,
  facts,
}: {
  schema: Schema;
  facts: EnvironmentSchemaFacts;
}): Schema {
  factsBySchema.set(schema, facts);
  return schema;
}

/** The facts a kit helper recorded; a hand-written schema is described as a plain string. */
export function schemaFactsOf({ schema }: { schema: z.ZodType }): EnvironmentSchemaFacts {
  return factsBySchema.get(schema) ?? { format: 'string' };
}
