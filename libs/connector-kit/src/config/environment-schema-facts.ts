import type { z } from 'zod';

/** What a schema helper knows about its variable beyond parsing, for the registry, hosts and install links. */
export interface EnvironmentSchemaFacts {
  format: 'string' | 'number' | 'boolean' | 'filepath';
  /** As the registry and hosts want it: "200", "true". */
  default?: string;
  choices?: string[];
  /** Bounds of a number. */
  min?: number;
  max?: number;
}

// Kept on the schema object under a global symbol, not in a module-local map or zod's registry: a bundled
// connector carries its own copy of the kit and of zod, and the release tools read its specs with another
// copy. zod's .meta() would also clone the schema; this keeps the very object that parses.
const factsKey = Symbol.for('connectormcp.environmentFacts');

export function recordSchemaFacts<Schema extends z.ZodType>({
  schema,
  facts,
}: {
  schema: Schema;
  facts: EnvironmentSchemaFacts;
}): Schema {
  Object.defineProperty(schema, factsKey, { value: facts, enumerable: false });
  return schema;
}

/** The facts a kit helper recorded; a hand-written schema is described as a plain string. */
export function schemaFactsOf({ schema }: { schema: z.ZodType }): EnvironmentSchemaFacts {
  return (schema as unknown as { [factsKey]?: EnvironmentSchemaFacts })[factsKey] ?? { format: 'string' };
}
