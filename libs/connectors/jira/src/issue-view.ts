import { adfToMarkdown } from './adf-to-markdown.js';
import type { RawIssue } from './jira-api.js';
import { toDate, toDateTime } from './jira-time.js';

type Named = { name?: string; displayName?: string; accountId?: string; key?: string } | null | undefined;

// Absent, unassigned or nameless: null, never an empty or placeholder string.
const nameOf = (value: unknown) => ((value as Named)?.displayName || (value as Named)?.name || null) as string | null;

/** A user's stable id: the account id on Cloud, the user key (or name) on Data Center. */
const accountIdOf = (value: unknown) =>
  ((value as Named)?.accountId || (value as Named)?.key || (value as Named)?.name || null) as string | null;

/** The compact fields search results show by default. */
export const compactFields = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'created',
  'updated',
  'duedate',
  'labels',
];

export interface IssueSummary {
  key: string;
  summary: string;
  status: string | null;
  type: string | null;
  priority: string | null;
  assignee: string | null;
  reporter: string | null;
  created: string | null;
  updated: string | null;
  due: string | null;
  labels: string[];
}

export function toIssueSummary(issue: RawIssue): IssueSummary {
  const fields = issue.fields ?? {};
  return {
    key: issue.key,
    summary: String(fields.summary ?? ''),
    status: nameOf(fields.status),
    type: nameOf(fields.issuetype),
    priority: nameOf(fields.priority),
    assignee: nameOf(fields.assignee),
    reporter: nameOf(fields.reporter),
    created: toDateTime(fields.created),
    updated: toDateTime(fields.updated),
    due: toDate(fields.duedate),
    labels: (fields.labels as string[] | undefined) ?? [],
  };
}

export function toIssueDetail(issue: RawIssue, include: Set<string>) {
  const fields = issue.fields ?? {};
  const comments = (
    (fields.comment as { comments?: Array<{ author?: Named; created?: string; body?: unknown }> } | undefined)
      ?.comments ?? []
  ).map((comment) => ({
    author: nameOf(comment.author),
    created: toDateTime(comment.created),
    body: adfToMarkdown(comment.body),
  }));
  const related = (value: { key?: string; fields?: { summary?: string; status?: Named } } | undefined) => ({
    key: value?.key ?? '',
    summary: value?.fields?.summary ?? '',
    status: nameOf(value?.fields?.status),
  });
  return {
    ...toIssueSummary(issue),
    assignee_account_id: accountIdOf(fields.assignee),
    reporter_account_id: accountIdOf(fields.reporter),
    project: nameOf(fields.project),
    resolution: nameOf(fields.resolution),
    components: ((fields.components as Named[] | undefined) ?? []).flatMap((component) => nameOf(component) ?? []),
    parent: fields.parent ? related(fields.parent as never) : null,
    description: adfToMarkdown(fields.description) || null,
    attachments: (
      (fields.attachment as Array<{ filename?: string; size?: number; mimeType?: string }> | undefined) ?? []
    ).map((attachment) => ({
      filename: attachment.filename ?? '',
      size_bytes: attachment.size ?? 0,
      mime_type: attachment.mimeType ?? '',
    })),
    ...(include.has('comments') ? { comments } : {}),
    ...(include.has('subtasks') ? { subtasks: ((fields.subtasks as never[] | undefined) ?? []).map(related) } : {}),
    ...(include.has('links')
      ? {
          links: (
            (fields.issuelinks as
              | Array<{ type?: { outward?: string; inward?: string }; outwardIssue?: never; inwardIssue?: never }>
              | undefined) ?? []
          ).map((link) => ({
            relation: link.outwardIssue ? (link.type?.outward ?? '') : (link.type?.inward ?? ''),
            ...related(link.outwardIssue ?? link.inwardIssue),
          })),
        }
      : {}),
    ...(include.has('changelog')
      ? {
          changelog: (issue.changelog?.histories ?? []).flatMap((history) =>
            (history.items ?? []).map((item) => ({
              author: history.author?.displayName ?? null,
              created: toDateTime(history.created),
              field: item.field ?? '',
              from: item.fromString ?? null,
              to: item.toString ?? null,
            })),
          ),
        }
      : {}),
  };
}

export type IssueDetail = ReturnType<typeof toIssueDetail>;

export function renderIssueDetail(detail: IssueDetail): string {
  const lines = [
    `# ${detail.key}: ${detail.summary}`,
    `${detail.type ?? 'Issue'} · ${detail.status ?? '?'} · priority ${detail.priority ?? '-'} · assignee ${detail.assignee ?? 'unassigned'} · reporter ${detail.reporter ?? '-'}`,
    `created ${detail.created ?? '-'} · updated ${detail.updated ?? '-'}${detail.due ? ` · due ${detail.due}` : ''}${detail.labels.length ? ` · labels ${detail.labels.join(', ')}` : ''}${detail.components.length ? ` · components ${detail.components.join(', ')}` : ''}`,
  ];
  if (detail.parent) lines.push(`parent: ${detail.parent.key} ${detail.parent.summary}`);
  lines.push('', '## Description', detail.description || '(none)');
  if (detail.attachments.length)
    lines.push(
      '',
      '## Attachments',
      ...detail.attachments.map((file) => `- ${file.filename} (${file.mime_type}, ${file.size_bytes} bytes)`),
    );
  if (detail.subtasks?.length)
    lines.push('', '## Subtasks', ...detail.subtasks.map((task) => `- ${task.key} [${task.status}] ${task.summary}`));
  if (detail.links?.length)
    lines.push(
      '',
      '## Links',
      ...detail.links.map((link) => `- ${link.relation} ${link.key} [${link.status}] ${link.summary}`),
    );
  if (detail.comments?.length)
    lines.push(
      '',
      '## Comments',
      ...detail.comments.map(
        (comment) => `**${comment.author ?? 'someone'}** (${comment.created ?? ''}):\n${comment.body}\n`,
      ),
    );
  if (detail.changelog?.length)
    lines.push(
      '',
      '## History',
      ...detail.changelog.map(
        (change) => `- ${change.created} ${change.author}: ${change.field} ${change.from ?? '∅'} → ${change.to ?? '∅'}`,
      ),
    );
  return lines.join('\n');
}
