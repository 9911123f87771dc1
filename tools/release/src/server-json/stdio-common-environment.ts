import { commonEnvironment, type EnvironmentSpec } from '@connectormcp/connector-kit';

// The kit names every variable of its HTTP transport MCP_HTTP_*; a registry package runs over stdio,
// where they do nothing, so listing them would only ask users for a token they never need.
const httpOnlyPrefix = 'MCP_HTTP_';

/** The kit's common variables that change how a connector behaves over stdio. */
export function stdioCommonEnvironment(): EnvironmentSpec {
  return Object.fromEntries(Object.entries(commonEnvironment).filter(([name]) => !name.startsWith(httpOnlyPrefix)));
}
