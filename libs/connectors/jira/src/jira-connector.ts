import { defineConnector } from '@connectormcp/connector-kit';
import { jiraConfigFromEnvironment, type JiraConfig } from './jira-config.js';
import { createJiraContext, type JiraContext } from './jira-context.js';
import { jiraEnvironment } from './jira-environment.js';
import { mapJiraError } from './map-jira-error.js';
import { packageVersion } from './package-version.js';
import { jiraResources } from './resources/index.js';
import { jiraTools } from './tools/index.js';

export const jiraConnector = defineConnector<JiraConfig, JiraContext>({
  name: 'jira',
  packageName: '@connectormcp/jira',
  title: 'Jira',
  version: packageVersion,
  instructions:
    'Jira issues and projects. Use search_issues with JQL (relative dates like -7d work) to find issues, get_issue for details in Markdown, list_projects/get_project for project metadata. Page with next_page_token only when needed.',
  environment: jiraEnvironment,
  allowWritesVariable: 'JIRA_ALLOW_WRITES',
  configFromEnvironment: jiraConfigFromEnvironment,
  secretsOf: ({ config }) => [config.auth.type === 'basic' ? config.auth.apiToken : config.auth.token],
  createContext: createJiraContext,
  tools: jiraTools,
  resources: jiraResources,
  mapError: (error) => mapJiraError(error),
  async check({ context, signal }) {
    const me = await context.call({ signal, call: (api) => api.myself() });
    const mode = context.config.allowWrites ? 'writes enabled' : 'read-only';
    return {
      summary: `connected to Jira ${context.config.flavor === 'cloud' ? 'Cloud' : 'Data Center'} at ${context.config.baseUrl} as ${me.displayName} (${mode})`,
    };
  },
});
