import { createCloudClient } from 'jira.js';
import type { JiraApi, RawIssue, RawProject } from './jira-api.js';
import type { JiraConfig } from './jira-config.js';
import { markdownToAdf } from './markdown-to-adf.js';

/** Jira Cloud through jira.js (REST v3, enhanced JQL search with page tokens). */
export function createCloudApi({ config }: { config: JiraConfig }): JiraApi {
  if (config.auth.type !== 'basic') throw new Error('Jira Cloud needs JIRA_EMAIL and JIRA_API_TOKEN');
  const jira = createCloudClient({
    host: config.baseUrl,
    auth: { type: 'basic', email: config.auth.email, apiToken: config.auth.apiToken },
    // Retries (with Retry-After) are the connector's, so that their limits are ours.
    retry: { maxAttempts: 1 },
    ...(config.strictResponses ? { onSchemaMismatch: 'throw' as const } : {}),
  });
  return {
    flavor: 'cloud',
    async myself() {
      const user = await jira.myself.getCurrentUser();
      return { displayName: user.displayName ?? user.accountId ?? 'unknown' };
    },
    async search({ jql, fields, maxResults, pageToken }) {
      const page = await jira.issueSearch.searchAndReconsileIssuesUsingJql({
        jql,
        fields,
        maxResults,
        ...(pageToken ? { nextPageToken: pageToken } : {}),
      });
      return {
        issues: (page.issues ?? []) as RawIssue[],
        ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
      };
    },
    async getIssue({ key, expandChangelog }) {
      return (await jira.issues.getIssue({
        issueIdOrKey: key,
        ...(expandChangelog ? { expand: 'changelog' } : {}),
      })) as RawIssue;
    },
    async searchProjects({ query, maxResults }) {
      const page = await jira.projects.searchProjects({
        ...(query ? { query } : {}),
        maxResults,
        expand: 'lead,description',
      });
      return (page.values ?? []) as RawProject[];
    },
    async getProject({ key }) {
      return (await jira.projects.getProject({ projectIdOrKey: key })) as RawProject;
    },
    async createIssue({ fields }) {
      const created = await jira.issues.createIssue({ fields: fields as never });
      return { id: created.id, key: created.key };
    },
    async editIssue({ key, fields }) {
      await jira.issues.editIssue({ issueIdOrKey: key, fields: fields as never });
    },
    async addComment({ key, body }) {
      const comment = await jira.issueComments.addComment({ issueIdOrKey: key, body: body as never });
      return { id: comment.id ?? '' };
    },
    async getTransitions({ key }) {
      const { transitions = [] } = await jira.issues.getTransitions({ issueIdOrKey: key });
      return transitions.map((transition) => ({
        id: transition.id ?? '',
        name: transition.name ?? '',
        to: transition.to?.name ?? '',
      }));
    },
    async doTransition({ key, id }) {
      await jira.issues.doTransition({ issueIdOrKey: key, transition: { id } });
    },
    richText: (markdown) => markdownToAdf(markdown),
  };
}
