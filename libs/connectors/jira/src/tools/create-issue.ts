import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';

export const createIssue = defineJiraTool({
  name: 'create_issue',
  title: 'Create issue',
  description: "Creates an issue. The description is Markdown (converted to Jira's rich text on Cloud).",
  input: z.object({
    project: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/)
      .describe('Project key, e.g. SHOP.'),
    issue_type: z.string().min(1).max(60).describe('Issue type name, e.g. Bug, Task, Story (see get_project).'),
    summary: z.string().min(1).max(255).describe('One-line summary.'),
    description: z.string().max(30_000).optional().describe('Description in Markdown.'),
    fields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Other fields as Jira expects them, e.g. {"labels": ["ops"], "priority": {"name": "High"}}.'),
  }),
  output: z.object({ key: z.string(), id: z.string(), url: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  writes: true,
  async handler({ input, context, signal }) {
    const project = input.project.toUpperCase();
    context.assertProjectAllowed({ project });
    const created = await context.call({
      signal,
      call: (api) =>
        api.createIssue({
          fields: {
            ...input.fields,
            project: { key: project },
            issuetype: { name: input.issue_type },
            summary: input.summary,
            ...(input.description ? { description: api.richText(input.description) } : {}),
          },
        }),
    });
    const url = `${context.config.baseUrl}/browse/${created.key}`;
    return { structured: { key: created.key, id: created.id, url }, text: `Created ${created.key}: ${url}` };
  },
});
