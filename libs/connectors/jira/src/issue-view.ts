import { adfToMarkdown } from './adf-to-markdown.js';
import type { RawIssue } from './jira-api.js';

type Named = { name?: string; displayName?: string } | null | undefined;

const nameOf = (value: unknown) => ((value as Named)?.displayName ?? (value as Named)?.name ?? null) as string | null;

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
    created: (fields.created as string | undefined) ?? null,
    updated: (fields.updated as string | undefined) ?? null,
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
    created: comment.created ?? null,
    body: adfToMarkdown(comment.body),
  }));
  const related = (value: { key?: string; fields?: { summary?: string; status?: Named } } | undefined) => ({
    key: value?.key ?? '',
    summary: value?.fields?.summary ?? '',
    status: nameOf(value?.fields?.status),
  });
  return {
    ...toIssueSummary(issue),
    project: nameOf(fields.project) ?? null,
    resolution: nameOf(fields.resolution),
    components: ((fields.components as Named[] | undefined) ?? []).map((component) => nameOf(component) ?? ''),
    parent: fields.parent ? related(fields.parent as never) : null,
    description: adfToMarkdown(fields.description),
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
              created: history.created ?? null,
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
    `created ${detail.created ?? '-'} · updated ${detail.updated ?? '-'}${detail.labels.length ? ` · labels ${detail.labels.join(', ')}` : ''}${detail.components.length ? ` · components ${detail.components.join(', ')}` : ''}`,
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
