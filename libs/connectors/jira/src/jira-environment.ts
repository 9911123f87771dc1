import {
  defineEnvironment,
  environmentBoolean,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from '@connectormcp/connector-kit';

export const jiraEnvironment = defineEnvironment({
  JIRA_BASE_URL: {
    description: 'Site URL, e.g. https://your-company.atlassian.net (Cloud) or https://jira.example.com (Data Center).',
    schema: environmentUrl({
      protocols: ['https:', 'http:'],
      example: 'https://your-company.atlassian.net',
      refuseCredentials: 'set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)',
    }),
    required: true,
    placeholder: 'https://your-company.atlassian.net',
  },
  JIRA_EMAIL: {
    description: 'Cloud: the Atlassian account email that owns JIRA_API_TOKEN (Data Center: set JIRA_PAT instead).',
    schema: environmentString(),
    askAtInstall: true,
    placeholder: 'you@your-company.com',
  },
  JIRA_API_TOKEN: {
    description: 'Cloud: an API token from id.atlassian.com/manage-profile/security/api-tokens.',
    schema: environmentString(),
    secret: true,
    askAtInstall: true,
  },
  JIRA_PAT: {
    description: 'Data Center/Server: a personal access token (uses REST v2).',
    schema: environmentString(),
    secret: true,
  },
  JIRA_PROJECTS: {
    description:
      'Allowlist of project keys, comma-separated: other projects are invisible and refused, also in JQL results.',
    schema: environmentList({
      item: { pattern: /^[A-Za-z][A-Za-z0-9_]*$/, expected: 'a project key: list keys such as ABC,OPS' },
    }),
    placeholder: 'SHOP,OPS',
  },
  JIRA_MAX_RESULTS: {
    description: 'Default and maximum issues per search page (default 50, at most 100).',
    schema: environmentInteger({ min: 1, max: 100, default: 50 }),
  },
  JIRA_ALLOW_WRITES: {
    description: 'Register create_issue, update_issue, add_comment and transition_issue (default false).',
    schema: environmentBoolean(),
  },
});
