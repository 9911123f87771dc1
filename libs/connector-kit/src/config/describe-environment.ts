import { schemaFactsOf } from './environment-schema-facts.js';
import type { EnvironmentSpec } from './environment-spec.js';

/** One variable as the MCP Registry, MCP Bundles and install links describe it. */
export interface EnvironmentVariableFacts {
  name: string;
  description: string;
  format: 'string' | 'number' | 'boolean' | 'filepath';
  isRequired: boolean;
  isSecret: boolean;
  /** As a string, the way the registry and hosts want it ("200", "true"). */
  default?: string;
  /** The values an enum accepts. */
  choices?: string[];
  /** Bounds of a number (not a registry field: MCP Bundles' user_config takes them). */
  min?: number;
  max?: number;
  placeholder?: string;
}

/** The facts of every variable of a spec, in the spec's order. */
export function describeEnvironment({ spec }: { spec: EnvironmentSpec }): EnvironmentVariableFacts[] {
  return Object.entries(spec).map(([name, variable]) => {
    const facts = schemaFactsOf({ schema: variable.schema });
    return {
      name,
      description: variable.description,
      format: facts.format,
      isRequired: variable.required ?? false,
      isSecret: variable.secret ?? false,
      ...(facts.default === undefined ? {} : { default: facts.default }),
      ...(facts.choices === undefined ? {} : { choices: facts.choices }),
      ...(facts.min === undefined ? {} : { min: facts.min }),
      ...(facts.max === undefined ? {} : { max: facts.max }),
      ...(variable.placeholder === undefined ? {} : { placeholder: variable.placeholder }),
    };
  });
}
