import { createClient } from 'jira.js/core';
import type { JiraApi, RawIssue, RawProject } from './jira-api.js';
import type { JiraConfig } from './jira-config.js';

/**
 * Jira Data Center/Server through jira.js's HTTP client (REST v2: offset paging, wiki-text fields). jira.js 6
 * models Cloud only, so requests here name their v2 paths.
 */
export function createDataCenterApi({ config }: { config: JiraConfig }): JiraApi {
  if (config.auth.type !== 'bearer') throw new Error('Jira Data Center needs JIRA_PAT');
  const client = createClient({
    host: config.baseUrl,
    auth: { type: 'bearer', token: config.auth.token },
    retry: { maxAttempts: 1 },
  });
  const send = <Result>(options: {
    url: string;
    method?: 'GET' | 'POST' | 'PUT';
    body?: unknown;
    searchParams?: Record<string, unknown>;
  }) => client.sendRequest<Result>(options);
  return {
    flavor: 'data-center',
    async myself() {
      const user = await send<{ displayName?: string; name?: string }>({ url: '/rest/api/2/myself' });
      return { displayName: user.displayName ?? user.name ?? 'unknown' };
    },
    async search({ jql, fields, maxResults, pageToken }) {
      const startAt = pageToken ? Number(Buffer.from(pageToken, 'base64url').toString()) : 0;
      const page = await send<{ issues?: RawIssue[]; total?: number }>({
        url: '/rest/api/2/search',
        searchParams: { jql, fields: fields.join(','), maxResults, startAt },
      });
      const issues = page.issues ?? [];
      const next = startAt + issues.length;
      return {
        issues,
        ...(next < (page.total ?? 0) ? { nextPageToken: Buffer.from(String(next)).toString('base64url') } : {}),
      };
    },
    getIssue: ({ key, expandChangelog }) =>
      send<RawIssue>({
        url: `/rest/api/2/issue/${encodeURIComponent(key)}`,
        ...(expandChangelog ? { searchParams: { expand: 'changelog' } } : {}),
      }),
    async searchProjects({ query, maxResults }) {
      const projects = await send<RawProject[]>({ url: '/rest/api/2/project' });
      const text = (query ?? '').toLowerCase();
      return projects
        .filter(
          (project) => !text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text),
        )
        .slice(0, maxResults);
    },
    getProject: ({ key }) => send<RawProject>({ url: `/rest/api/2/project/${encodeURIComponent(key)}` }),
    createIssue: ({ fields }) =>
      send<{ id: string; key: string }>({ url: '/rest/api/2/issue', method: 'POST', body: { fields } }),
    async editIssue({ key, fields }) {
      await send({ url: `/rest/api/2/issue/${encodeURIComponent(key)}`, method: 'PUT', body: { fields } });
    },
    async addComment({ key, body }) {
      return send<{ id: string }>({
        url: `/rest/api/2/issue/${encodeURIComponent(key)}/comment`,
        method: 'POST',
        body: { body },
      });
    },
    async getTransitions({ key }) {
      const { transitions = [] } = await send<{
        transitions?: Array<{ id: string; name: string; to?: { name?: string } }>;
      }>({ url: `/rest/api/2/issue/${encodeURIComponent(key)}/transitions` });
      return transitions.map((transition) => ({
        id: transition.id,
        name: transition.name,
        to: transition.to?.name ?? '',
      }));
    },
    async doTransition({ key, id }) {
      await send({
        url: `/rest/api/2/issue/${encodeURIComponent(key)}/transitions`,
        method: 'POST',
        body: { transition: { id } },
      });
    },
    // Data Center fields take wiki markup; Markdown reads acceptably there.
    richText: (markdown) => markdown,
  };
}
