import {
  statusCategories,
  transitions,
  type FakeIssue,
  type FakeJiraData,
  type FakeProject,
  type FakeUser,
} from './fake-jira-data.js';

/** Jira's timestamp format: `2026-11-20T10:00:00.000+0000`. */
export function jiraTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function createRenderer({ baseUrl, data }: { baseUrl: string; data: FakeJiraData }) {
  const self = (path: string) => `${baseUrl}${path}`;
  const user = (accountId: string | null) => {
    const found = data.users.find((candidate: FakeUser) => candidate.accountId === accountId);
    if (!found) return null;
    return {
      self: self(`/rest/api/3/user?accountId=${found.accountId}`),
      accountId: found.accountId,
      accountType: 'atlassian',
      displayName: found.displayName,
      emailAddress: found.emailAddress,
      active: true,
      timeZone: 'Europe/London',
    };
  };
  const status = (name: string) => {
    const category = statusCategories[name]!;
    return {
      self: self(`/rest/api/3/status/${name.length}`),
      id: String(name.length),
      name,
      description: '',
      statusCategory: {
        self: self(`/rest/api/3/statuscategory/${category.id}`),
        id: category.id,
        key: category.key,
        colorName: category.colorName,
        name: category.name,
      },
    };
  };
  const issueType = (name: string) => ({
    self: self(`/rest/api/3/issuetype/${name.length}`),
    id: String(10_000 + name.length),
    name,
    subtask: name === 'Sub-task',
    description: '',
  });
  const projectSummary = (project: FakeProject) => ({
    self: self(`/rest/api/3/project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
  });
  const projectOf = (key: string) => data.projects.find((project) => project.key === key)!;
  const issueSummary = (issue: FakeIssue) => ({
    id: issue.id,
    key: issue.key,
    self: self(`/rest/api/3/issue/${issue.id}`),
    fields: {
      summary: issue.summary,
      status: status(issue.status),
      issuetype: issueType(issue.type),
      priority: { self: self('/rest/api/3/priority/3'), id: '3', name: issue.priority },
    },
  });
  const comment = (issue: FakeIssue, entry: FakeIssue['comments'][number]) => ({
    self: self(`/rest/api/3/issue/${issue.id}/comment/${entry.id}`),
    id: entry.id,
    author: user(entry.author),
    updateAuthor: user(entry.author),
    body: entry.body,
    created: jiraTime(entry.created),
    updated: jiraTime(entry.created),
    jsdPublic: true,
  });
  const allFields = (issue: FakeIssue): Record<string, unknown> => {
    const project = projectOf(issue.projectKey);
    const subtasks = data.issues.filter((candidate) => candidate.parent === issue.key);
    return {
      summary: issue.summary,
      description: issue.description,
      status: status(issue.status),
      issuetype: issueType(issue.type),
      priority: {
        self: self('/rest/api/3/priority/3'),
        id: String(['Highest', 'High', 'Medium', 'Low'].indexOf(issue.priority) + 1),
        name: issue.priority,
      },
      assignee: user(issue.assignee),
      reporter: user(issue.reporter),
      creator: user(issue.reporter),
      labels: issue.labels,
      components: issue.components.map((name, index) => ({
        self: self(`/rest/api/3/component/${index}`),
        id: String(index),
        name,
      })),
      created: jiraTime(issue.created),
      updated: jiraTime(issue.updated),
      resolution: issue.resolution
        ? {
            self: self('/rest/api/3/resolution/1'),
            id: '1',
            name: issue.resolution,
            description: 'Work has been completed.',
          }
        : null,
      project: projectSummary(project),
      comment: {
        comments: issue.comments.map((entry) => comment(issue, entry)),
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
        self: self(`/rest/api/3/issue/${issue.id}/comment`),
      },
      subtasks: subtasks.map(issueSummary),
      parent: issue.parent ? issueSummary(data.issues.find((candidate) => candidate.key === issue.parent)!) : undefined,
      issuelinks: issue.links.map((link) => ({
        id: link.id,
        self: self(`/rest/api/3/issueLink/${link.id}`),
        type: {
          id: '10000',
          name: link.type,
          inward: link.type === 'Blocks' ? 'is blocked by' : 'relates to',
          outward: link.type === 'Blocks' ? 'blocks' : 'relates to',
        },
        outwardIssue: issueSummary(data.issues.find((candidate) => candidate.key === link.outwardKey)!),
      })),
      attachment: issue.attachments.map((attachment) => ({
        self: self(`/rest/api/3/attachment/${attachment.id}`),
        id: attachment.id,
        filename: attachment.filename,
        author: user(attachment.author),
        created: jiraTime(attachment.created),
        size: attachment.size,
        mimeType: attachment.mimeType,
        content: self(`/rest/api/3/attachment/content/${attachment.id}`),
      })),
    };
  };
  return {
    user,
    status,
    comment,
    issue({ issue, fields, expandChangelog }: { issue: FakeIssue; fields?: string[]; expandChangelog?: boolean }) {
      const every = allFields(issue);
      const wanted =
        !fields || fields.includes('*all') || fields.includes('*navigable')
          ? Object.keys(every)
          : fields.map((field) => field.replace(/^-/, ''));
      const selected = Object.fromEntries(
        Object.entries(every).filter(([name, value]) => wanted.includes(name) && value !== undefined),
      );
      return {
        expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
        id: issue.id,
        self: self(`/rest/api/3/issue/${issue.id}`),
        key: issue.key,
        fields: selected,
        ...(expandChangelog
          ? {
              changelog: {
                startAt: 0,
                maxResults: issue.changelog.length,
                total: issue.changelog.length,
                histories: issue.changelog.map((entry) => ({
                  id: entry.id,
                  author: user(entry.author),
                  created: jiraTime(entry.created),
                  items: entry.items.map((item) => ({
                    field: item.field,
                    fieldtype: 'jira',
                    fromString: item.fromString,
                    toString: item.toString,
                  })),
                })),
              },
            }
          : {}),
      };
    },
    project(project: FakeProject) {
      return {
        ...projectSummary(project),
        description: project.description,
        lead: user(project.lead),
        issueTypes: project.issueTypes.map(issueType),
        components: project.components.map((name, index) => ({
          self: self(`/rest/api/3/component/${project.id}${index}`),
          id: `${project.id}${index}`,
          name,
          description: '',
        })),
        versions: project.versions.map((version) => ({
          self: self(`/rest/api/3/version/${version.id}`),
          id: version.id,
          name: version.name,
          released: version.released,
          archived: false,
          ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}),
          projectId: Number(project.id),
        })),
        style: 'classic',
        isPrivate: false,
      };
    },
    transitions(issue: FakeIssue) {
      return {
        transitions: (transitions[issue.status] ?? []).map((transition) => ({
          id: transition.id,
          name: transition.name,
          to: status(transition.to),
          hasScreen: false,
          isGlobal: false,
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
        })),
      };
    },
  };
}
