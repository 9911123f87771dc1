import { describeEnvironment, type ConnectorDefinition } from '@connectormcp/connector-kit';
import type { RegistryEnvironmentVariable } from './server-json.ts';
import { stdioCommonEnvironment } from './stdio-common-environment.ts';

/**
 * Every variable a connector reads over stdio, its own first, then the kit's common ones, each with the
 * facts the kit records for it, so the registry entry cannot say other than `--help` does.
 */
export function registryEnvironmentVariables({
  connector,
}: {
  connector: Pick<ConnectorDefinition, 'environment'>;
}): RegistryEnvironmentVariable[] {
  const facts = [
    ...describeEnvironment({ spec: connector.environment }),
    ...describeEnvironment({ spec: stdioCommonEnvironment() }),
  ];
  return facts.map((variable) => ({
    name: variable.name,
    description: variable.description,
    isRequired: variable.isRequired,
    isSecret: variable.isSecret,
    format: variable.format,
    ...(variable.default === undefined ? {} : { default: variable.default }),
    ...(variable.choices === undefined ? {} : { choices: [...variable.choices] }),
    ...(variable.placeholder === undefined ? {} : { placeholder: variable.placeholder }),
  }));
}
