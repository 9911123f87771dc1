import { ConnectorError, readEnvironment, requireSetting } from '@connectormcp/connector-kit';
import { jiraEnvironment } from './jira-environment.js';

export type JiraAuth = { type: 'basic'; email: string; apiToken: string } | { type: 'bearer'; token: string };

export interface JiraConfig {
  baseUrl: string;
  /** Cloud uses REST v3 with email + API token; Data Center REST v2 with a personal access token. */
  flavor: 'cloud' | 'data-center';
  auth: JiraAuth;
  allowedProjects?: string[];
  maxResults: number;
  allowWrites: boolean;
  /** For tests: make jira.js validate every response against its own schemas. */
  strictResponses?: boolean;
}

export type JiraConfigInput = Pick<JiraConfig, 'baseUrl' | 'auth'> & Partial<JiraConfig>;

export function resolveJiraConfig(input: JiraConfigInput): JiraConfig {
  return {
    flavor: input.auth.type === 'bearer' ? 'data-center' : 'cloud',
    maxResults: 50,
    allowWrites: false,
    ...input,
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
  };
}

function invalidConfig(problem: string): ConnectorError {
  return new ConnectorError({ code: 'INVALID_CONFIG', message: `Invalid configuration: ${problem}` });
}

// A link copied from the browser (…/browse/ABC-1, …/jira/software/…) is the usual mistake. Cloud sites
// live at the root; Data Center may sit under a context path (/jira), so only its query is refused.
function assertSiteUrl({ baseUrl }: { baseUrl: string }): void {
  const url = new URL(baseUrl);
  const cloud = url.hostname.endsWith('.atlassian.net');
  if (url.search || url.hash || (cloud && url.pathname.replace(/\/+$/, '') !== '')) {
    throw invalidConfig(
      `JIRA_BASE_URL: expected the site's address alone, such as ${cloud ? url.origin : 'https://jira.example.com or https://example.com/jira'}, not a page's link (got ${JSON.stringify(baseUrl)})`,
    );
  }
}

export function jiraConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): JiraConfig {
  const values = readEnvironment({ spec: jiraEnvironment, environment });
  const baseUrl = requireSetting({
    value: values.JIRA_BASE_URL,
    variables: ['JIRA_BASE_URL'],
    expected: 'your Jira site URL',
  });
  assertSiteUrl({ baseUrl });
  if (values.JIRA_EMAIL && !/^[^\s@]+@[^\s@]+$/.test(values.JIRA_EMAIL)) {
    throw invalidConfig(`JIRA_EMAIL: expected an email address (got ${JSON.stringify(values.JIRA_EMAIL)})`);
  }
  let auth: JiraAuth;
  if (values.JIRA_PAT) {
    auth = { type: 'bearer', token: values.JIRA_PAT };
  } else if (values.JIRA_EMAIL || values.JIRA_API_TOKEN) {
    auth = {
      type: 'basic',
      email: requireSetting({
        value: values.JIRA_EMAIL,
        variables: ['JIRA_EMAIL'],
        expected: 'the account email for JIRA_API_TOKEN',
      }),
      apiToken: requireSetting({
        value: values.JIRA_API_TOKEN,
        variables: ['JIRA_API_TOKEN'],
        expected: 'an Atlassian API token',
      }),
    };
  } else {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: 'Missing configuration: set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Data Center).',
    });
  }
  return resolveJiraConfig({
    baseUrl,
    auth,
    ...(values.JIRA_PROJECTS ? { allowedProjects: values.JIRA_PROJECTS.map((key) => key.toUpperCase()) } : {}),
    maxResults: values.JIRA_MAX_RESULTS,
    allowWrites: values.JIRA_ALLOW_WRITES,
  });
}
