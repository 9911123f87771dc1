import { createConnectorServer, type ConnectorServer, type Logger } from '@connectormcp/connector-kit';
import { resolveJiraConfig, type JiraConfig, type JiraConfigInput } from './jira-config.js';
import { jiraConnector } from './jira-connector.js';
import type { JiraContext } from './jira-context.js';

/** An MCP server over a Jira site; connect it to any transport, call `cleanup` when done. */
export function createJiraServer(
  config: JiraConfigInput,
  { logger, maxResultChars }: { logger?: Logger; maxResultChars?: number } = {},
): ConnectorServer<JiraConfig, JiraContext> {
  return createConnectorServer({
    connector: jiraConnector,
    config: resolveJiraConfig(config),
    ...(logger ? { logger } : {}),
    ...(maxResultChars ? { maxResultChars } : {}),
  });
}
