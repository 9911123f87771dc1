import { commonEnvironment } from '../config/common-environment.js';
import { describeEnvironment, type EnvironmentVariableFacts } from '../config/describe-environment.js';
import type { ConnectorDefinition } from '../connector/define-connector.js';

/** What `--describe-config` prints: enough for an app to build a form for the connector's settings. */
export interface ConnectorConfigDescription {
  /** Short id: `mysql`. */
  name: string;
  /** Human name: `MySQL`. */
  title: string;
  /** The npm package: `@connectormcp/mysql`. */
  package: string;
  version: string;
  /** The connector's own variables, in its spec's order. */
  variables: EnvironmentVariableFacts[];
  /** Variables every ConnectorMCP connector reads (log level, result limits, the HTTP transport's token). */
  commonVariables: EnvironmentVariableFacts[];
}

/** The connector's configuration as data, read from its definition alone (no environment needed). */
export function describeConnectorConfig({
  connector,
}: {
  connector: Pick<ConnectorDefinition<any, any>, 'name' | 'title' | 'packageName' | 'version' | 'environment'>; // eslint-disable-line @typescript-eslint/no-explicit-any
}): ConnectorConfigDescription {
  return {
    name: connector.name,
    title: connector.title,
    package: connector.packageName,
    version: connector.version,
    variables: describeEnvironment({ spec: connector.environment }),
    commonVariables: describeEnvironment({ spec: commonEnvironment }),
  };
}
