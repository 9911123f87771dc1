import { defineResource } from '@connectormcp/connector-kit';
import type { JiraContext } from '../jira-context.js';
import { fetchIssueDetail } from '../tools/get-issue.js';
import { fetchProjectDetail } from '../tools/get-project.js';

const issueResource = defineResource<JiraContext>({
  name: 'issue',
  title: 'Jira issue',
  description: 'One issue with its comments, as JSON (description and comments in Markdown).',
  mimeType: 'application/json',
  uri: 'jira://issue/{key}',
  async read({ context, uri, variables, signal }) {
    const detail = await fetchIssueDetail({
      context,
      key: variables.key!.toUpperCase(),
      include: new Set(['comments', 'subtasks', 'links']),
      signal,
    });
    return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(detail, null, 2) }];
  },
});

const projectResource = defineResource<JiraContext>({
  name: 'project',
  title: 'Jira project',
  description: 'One project: lead, issue types, components, versions, as JSON.',
  mimeType: 'application/json',
  uri: 'jira://project/{key}',
  async list({ context, signal }) {
    const projects = await context.call({ signal, call: (api) => api.searchProjects({ maxResults: 100 }) });
    return projects
      .filter((project) => context.isProjectAllowed({ project: project.key }))
      .map((project) => ({ uri: `jira://project/${project.key}`, name: `${project.key}: ${project.name}` }));
  },
  async read({ context, uri, variables, signal }) {
    const project = await fetchProjectDetail({ context, key: variables.key!.toUpperCase(), signal });
    return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(project, null, 2) }];
  },
});

export const jiraResources = [issueResource, projectResource];
