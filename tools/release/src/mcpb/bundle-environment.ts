import {
  describeEnvironment,
  type ConnectorDefinition,
  type EnvironmentVariableFacts,
} from '@connectormcp/connector-kit';
import { stdioCommonEnvironment } from '../server-json/stdio-common-environment.ts';

export type EnvironmentFacts = EnvironmentVariableFacts;

/**
 * Every variable the bundled server reads over stdio, the connector's own first, then the kit's common ones:
 * the same list as the connector's server.json, so the bundle's settings cannot say other than `--help`.
 */
export function bundleEnvironment({
  connector,
}: {
  connector: Pick<ConnectorDefinition, 'environment'>;
}): EnvironmentFacts[] {
  return [
    ...describeEnvironment({ spec: connector.environment }),
    ...describeEnvironment({ spec: stdioCommonEnvironment() }),
  ];
}
