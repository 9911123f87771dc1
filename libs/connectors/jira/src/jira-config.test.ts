import { jiraConfigFromEnvironment } from './jira-config.js';

const cloud = { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: 'token-0123456789' };

function problem(environment: Record<string, string>): string {
  try {
    jiraConfigFromEnvironment({ environment });
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain('token-0123456789');
    return message;
  }
  throw new Error('expected an error');
}

describe('jiraConfigFromEnvironment', () => {
  it('reads a Cloud site and a Data Center site under a context path', () => {
    expect(
      jiraConfigFromEnvironment({
        environment: { JIRA_BASE_URL: 'https://acme.atlassian.net/', JIRA_PROJECTS: 'abc, OPS', ...cloud },
      }),
    ).toMatchObject({ baseUrl: 'https://acme.atlassian.net', flavor: 'cloud', allowedProjects: ['ABC', 'OPS'] });
    expect(
      jiraConfigFromEnvironment({ environment: { JIRA_BASE_URL: 'https://example.com/jira', JIRA_PAT: 'pat-0123' } }),
    ).toMatchObject({ baseUrl: 'https://example.com/jira', flavor: 'data-center' });
  });

  it('names what is wrong with JIRA_BASE_URL', () => {
    expect(problem({ JIRA_BASE_URL: 'acme.atlassian.net', ...cloud })).toBe(
      'Invalid configuration: JIRA_BASE_URL: has no scheme: it must start with https:// or http://, e.g. https://your-company.atlassian.net (got "acme.atlassian.net")',
    );
    expect(problem({ JIRA_BASE_URL: 'https://acme.atlassian.net/browse/ABC-1', ...cloud })).toBe(
      `Invalid configuration: JIRA_BASE_URL: expected the site's address alone, such as https://acme.atlassian.net, not a page's link (got "https://acme.atlassian.net/browse/ABC-1")`,
    );
    expect(problem({ JIRA_BASE_URL: 'https://jira.example.com:123456', ...cloud })).toContain(
      'JIRA_BASE_URL: the port 123456 is out of range: expected 1 to 65535',
    );
  });

  it('refuses credentials in the URL, pointing to where they go, without echoing them', () => {
    expect(problem({ JIRA_BASE_URL: 'https://me:token-0123456789@acme.atlassian.net', ...cloud })).toBe(
      'Invalid configuration: JIRA_BASE_URL: must not contain a user name or password: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center) (got "https://***@acme.atlassian.net")',
    );
  });

  it('names a malformed email and project key', () => {
    expect(problem({ JIRA_BASE_URL: 'https://acme.atlassian.net', ...cloud, JIRA_EMAIL: 'me' })).toBe(
      'Invalid configuration: JIRA_EMAIL: expected an email address (got "me")',
    );
    expect(
      problem({ JIRA_BASE_URL: 'https://acme.atlassian.net', ...cloud, JIRA_PROJECTS: 'ABC,project = OPS' }),
    ).toContain('JIRA_PROJECTS: "project = OPS" is not a project key: list keys such as ABC,OPS');
  });
});
