import { describeEnvironment, type EnvironmentVariableFacts } from '../config/describe-environment.js';
import type { DistributedConnector } from './distributed-connector.js';

/** A variable the install links and example configs set, with what stands in for its value. */
export interface InstallVariable extends EnvironmentVariableFacts {
  /** What the user replaces: `<your MYSQL_PASSWORD>`. Never a real value, so no link or config carries one. */
  placeholderValue: string;
  /** The id of the VS Code input that asks for it. */
  inputId: string;
}

export function placeholderValue({ name }: { name: string }): string {
  return `<your ${name}>`;
}

// VS Code keeps inputs in the user's mcp.json next to other servers' inputs, so each id names the connector.
function inputIdOf({ connectorName, name }: { connectorName: string; name: string }): string {
  const id = name.toLowerCase();
  return id.startsWith(`${connectorName}_`) ? id : `${connectorName}_${id}`;
}

/**
 * The variables an install sets: the required ones first, then those the usual setup asks for, each group
 * in the spec's order (which puts a password after its user, as a person fills them in). Optional
 * settings are left to their defaults.
 */
export function installVariables({
  connector,
}: {
  connector: Pick<DistributedConnector, 'name' | 'environment'>;
}): InstallVariable[] {
  return describeEnvironment({ spec: connector.environment })
    .filter((variable) => variable.isRequired || connector.environment[variable.name]?.askAtInstall)
    .map((variable, index) => ({ variable, index }))
    .sort(
      (left, right) => Number(right.variable.isRequired) - Number(left.variable.isRequired) || left.index - right.index,
    )
    .map(({ variable }) => ({
      ...variable,
      placeholderValue: placeholderValue({ name: variable.name }),
      inputId: inputIdOf({ connectorName: connector.name, name: variable.name }),
    }));
}
