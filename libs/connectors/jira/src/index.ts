export { adfToMarkdown, type AdfNode } from './adf-to-markdown.js';
export { createJiraServer } from './create-jira-server.js';
export {
  jiraConfigFromEnvironment,
  resolveJiraConfig,
  type JiraAuth,
  type JiraConfig,
  type JiraConfigInput,
} from './jira-config.js';
export { jiraConnector } from './jira-connector.js';
export type { JiraContext } from './jira-context.js';
export { jiraEnvironment } from './jira-environment.js';
export { markdownToAdf } from './markdown-to-adf.js';
export { packageVersion } from './package-version.js';
export { restrictJql } from './restrict-jql.js';
