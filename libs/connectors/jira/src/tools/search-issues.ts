import { fitJsonItems, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { dateString, dateTimeString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import { compactFields, toIssueSummary } from '../issue-view.js';
import { projectOfKey } from '../jira-context.js';
import { restrictJql } from '../restrict-jql.js';

export const issueSummarySchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.string().nullable(),
  type: z.string().nullable(),
  priority: z.string().nullable(),
  assignee: z.string().nullable().describe('Display name; null when unassigned.'),
  reporter: z.string().nullable(),
  created: dateTimeString().nullable(),
  updated: dateTimeString().nullable(),
  due: dateString().nullable().describe('Due date; null when none is set.'),
  labels: z.array(z.string()),
});

export const searchIssues = defineJiraTool({
  name: 'search_issues',
  title: 'Search issues (JQL)',
  description:
    "Searches issues with JQL, e.g. `project = SHOP AND status != Done AND created >= -7d ORDER BY priority`. Returns key, summary, status, type, priority, assignee, reporter, created, updated and labels, plus next_page_token when there are more. Invalid JQL returns Jira's own error message.",
  input: z.object({
    jql: z.string().min(1).max(4000).describe('A JQL query. Dates may be relative (-7d, startOfWeek()).'),
    fields: z
      .array(z.string().max(100))
      .max(30)
      .optional()
      .describe('Extra fields to return as they come from Jira (e.g. "duedate", "customfield_10016").'),
    max_results: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('Issues per page (default JIRA_MAX_RESULTS, 50).'),
    next_page_token: z
      .string()
      .max(2000)
      .optional()
      .describe('next_page_token from a previous call, for the next page.'),
  }),
  output: z.object({
    issues: z.array(issueSummarySchema.extend({ fields: z.record(z.string(), z.unknown()).optional() })),
    next_page_token: z.string().nullable(),
    jql: z.string(),
    truncated: z
      .boolean()
      .describe(
        'True when this page holds more issues than shown, or long values were cut; pass a smaller max_results.',
      ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const jql = restrictJql({
      jql: input.jql,
      ...(context.config.allowedProjects ? { projects: context.config.allowedProjects } : {}),
    });
    const maxResults = Math.min(input.max_results ?? context.config.maxResults, context.config.maxResults);
    const extra = input.fields ?? [];
    const page = await context.call({
      signal,
      call: (api) =>
        api.search({
          jql,
          fields: [...compactFields, ...extra],
          maxResults,
          ...(input.next_page_token ? { pageToken: input.next_page_token } : {}),
        }),
    });
    // Defence in depth: results outside the allowlist are dropped even if the JQL scoping were bypassed.
    const issues = page.issues
      .filter((issue) => context.isProjectAllowed({ project: projectOfKey(issue.key) }))
      .map((issue) => ({
        ...toIssueSummary(issue),
        ...(extra.length > 0
          ? { fields: Object.fromEntries(extra.map((field) => [field, issue.fields?.[field] ?? null])) }
          : {}),
      }));
    const nextPageToken = page.nextPageToken ?? null;
    const skeleton = { issues: [], next_page_token: nextPageToken, jql, truncated: false };
    // Long summaries, labels and extra fields are capped like the text's cells, then the issues that fit are kept.
    const fitted = fitJsonItems({
      items: issues,
      maxChars: maxStructuredChars - jsonLength(skeleton) - 16,
      maxStringChars: 1000,
    });
    const table = renderTable({
      columns: ['key', 'summary', 'status', 'type', 'priority', 'assignee', 'updated'],
      rows: fitted.items,
      totalRows: issues.length,
      maxChars: maxChars - 200,
    });
    const shown = fitted.items.slice(0, table.shownRows);
    const truncated = shown.length < issues.length || fitted.cutStrings > 0;
    const more = nextPageToken ? `Call search_issues again with next_page_token="${nextPageToken}".` : undefined;
    // A page token continues after the whole page, so issues this page could not show need a smaller page.
    const pageCut =
      shown.length < issues.length
        ? `\nPass max_results=${Math.max(1, shown.length)} (with the same next_page_token) to see every issue.`
        : '';
    return {
      structured: { ...skeleton, issues: shown, truncated },
      text: `${table.text}${pageCut}${more && !pageCut ? `\nMore results: ${more}` : ''}`,
      ...(more ? { moreHint: more } : {}),
    };
  },
});
