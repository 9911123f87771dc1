import { truncateJsonValue } from '@connectormcp/connector-kit';
import { bytesNumber, dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import { renderIssueDetail, toIssueDetail } from '../issue-view.js';
import { projectOfKey, type JiraContext } from '../jira-context.js';
import { issueSummarySchema } from './search-issues.js';

const includeOptions = ['comments', 'changelog', 'subtasks', 'links'] as const;

/** Shared with the `jira://issue/{key}` resource. */
export async function fetchIssueDetail({
  context,
  key,
  include,
  signal,
}: {
  context: JiraContext;
  key: string;
  include: Set<string>;
  signal?: AbortSignal;
}) {
  context.assertProjectAllowed({ project: projectOfKey(key) });
  const issue = await context.call({
    ...(signal ? { signal } : {}),
    call: (api) => api.getIssue({ key, expandChangelog: include.has('changelog') }),
  });
  context.assertProjectAllowed({ project: projectOfKey(issue.key) });
  return toIssueDetail(issue, include);
}

export const getIssue = defineJiraTool({
  name: 'get_issue',
  title: 'Get issue',
  description:
    'Reads one issue: fields, the description as Markdown, attachments (listed, not downloaded), and on request comments, changelog, subtasks and links.',
  input: z.object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'an issue key such as SHOP-123')
      .describe('Issue key, e.g. SHOP-123.'),
    include: z
      .array(z.enum(includeOptions))
      .default(['comments'])
      .describe('Extra parts: comments, changelog, subtasks, links.'),
  }),
  output: issueSummarySchema.extend({
    assignee_account_id: identifierString().nullable().describe('Account id of the assignee; null when unassigned.'),
    reporter_account_id: identifierString().nullable(),
    project: z.string().nullable(),
    resolution: z.string().nullable(),
    components: z.array(z.string()),
    parent: z.object({ key: z.string(), summary: z.string(), status: z.string().nullable() }).nullable(),
    description: z.string().nullable().describe('Markdown; null when the issue has none.'),
    attachments: z.array(z.object({ filename: z.string(), size_bytes: bytesNumber(), mime_type: z.string() })),
    comments: z
      .array(z.object({ author: z.string().nullable(), created: dateTimeString().nullable(), body: z.string() }))
      .optional(),
    subtasks: z.array(z.object({ key: z.string(), summary: z.string(), status: z.string().nullable() })).optional(),
    links: z
      .array(z.object({ relation: z.string(), key: z.string(), summary: z.string(), status: z.string().nullable() }))
      .optional(),
    changelog: z
      .array(
        z.object({
          author: z.string().nullable(),
          created: dateTimeString().nullable(),
          field: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
        }),
      )
      .optional(),
    truncated: z
      .boolean()
      .describe('True when the description, comments or history were cut to fit the budget; ask for fewer parts.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxStructuredChars }) {
    const detail = await fetchIssueDetail({
      context,
      key: input.key.toUpperCase(),
      include: new Set(input.include),
      signal,
    });
    // The description, comments and history share the budget (the largest cut first); the text renders
    // the same cut issue, so both show the same comments.
    const fitted = truncateJsonValue({ value: detail, maxChars: maxStructuredChars - 32 });
    return {
      structured: { ...fitted.value, truncated: fitted.truncated },
      text: `${renderIssueDetail(fitted.value)}${
        fitted.truncated
          ? `\n[truncated to fit the budget: showing ${fitted.value.comments?.length ?? 0} of ${detail.comments?.length ?? 0} comments and ${fitted.value.changelog?.length ?? 0} of ${detail.changelog?.length ?? 0} changes; long text ends with "… [truncated: N more characters]". Ask for fewer parts with include.]`
          : ''
      }`,
      moreHint: 'Ask for fewer parts with include.',
    };
  },
});
