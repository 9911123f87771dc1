import { fitJsonItems, renderTable } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';

export const listProjects = defineJiraTool({
  name: 'list_projects',
  title: 'List projects',
  description:
    'Lists the projects you can see (only those in JIRA_PROJECTS when set), optionally filtered by text in the key or name.',
  input: z.object({
    query: z.string().max(100).optional().describe('Text to match in the project key or name.'),
    max_results: z.number().int().min(1).max(100).default(50).describe('Projects to return at most.'),
  }),
  output: z.object({
    projects: z.array(
      z.object({ key: z.string(), name: z.string(), lead: z.string().nullable(), type: z.string().nullable() }),
    ),
    truncated: z.boolean().describe('True when more projects matched than shown; pass query to narrow the list.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const projects = await context.call({
      signal,
      call: (api) =>
        api.searchProjects({ ...(input.query ? { query: input.query } : {}), maxResults: input.max_results }),
    });
    const visible = projects
      .filter((project) => context.isProjectAllowed({ project: project.key }))
      .map((project) => ({
        key: project.key,
        name: project.name,
        lead: project.lead?.displayName ?? null,
        type: project.projectTypeKey ?? null,
      }));
    const fitted = fitJsonItems({ items: visible, maxChars: maxStructuredChars - 64, maxStringChars: 1000 });
    const table = renderTable({
      columns: ['key', 'name', 'lead', 'type'],
      rows: fitted.items,
      totalRows: visible.length,
      maxChars,
      hint: 'Pass query to narrow the list.',
    });
    const shown = fitted.items.slice(0, table.shownRows);
    return {
      structured: { projects: shown, truncated: shown.length < visible.length || fitted.cutStrings > 0 },
      text: table.text,
    };
  },
});
