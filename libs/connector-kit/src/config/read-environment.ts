import { ConnectorError } from '../errors/connector-error.js';
import { maskUrlCredentials } from './diagnose-url.js';
import type { EnvironmentSpec, EnvironmentValues } from './environment-spec.js';

/**
 * Parses the variables of a spec from an environment. Every problem is reported at once, one line per
 * variable, naming it and what is expected; secret values are never echoed.
 */
export function readEnvironment<Spec extends EnvironmentSpec>({
  spec,
  environment,
}: {
  spec: Spec;
  environment: Record<string, string | undefined>;
}): EnvironmentValues<Spec> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const raw = environment[name];
    const result = variable.schema.safeParse(raw);
    if (result.success) {
      values[name] = result.data;
      continue;
    }
    const reason = result.error.issues.map((issue) => issue.message).join('; ');
    // A URL's user name and password are masked even in a variable not marked secret.
    const shown =
      raw === undefined || variable.secret ? '' : ` (got ${JSON.stringify(maskUrlCredentials({ value: raw }))})`;
    problems.push(`${name}: ${reason}${shown}`);
  }
  if (problems.length > 0) {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Invalid configuration: ${problems.join('; ')}`,
      details: { variables: problems.map((problem) => problem.split(':')[0]) },
    });
  }
  return values as EnvironmentValues<Spec>;
}

/** Fails with one clear line when a required setting is missing, naming the variables that provide it. */
export function requireSetting<Value>({
  value,
  variables,
  expected,
}: {
  value: Value | undefined;
  variables: string[];
  expected: string;
}): Value {
  if (value === undefined || value === null || value === '') {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Missing configuration: set ${variables.join(' or ')} (${expected}).`,
      details: { variables },
    });
  }
  return value;
}
