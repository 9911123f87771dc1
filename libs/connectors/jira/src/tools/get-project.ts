import { truncateJsonValue } from '@connectormcp/connector-kit';
import { dateString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import type { JiraContext } from '../jira-context.js';
import { toDate } from '../jira-time.js';

export const projectDetailSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable().describe('null when the project has none.'),
  lead: z.string().nullable(),
  issue_types: z.array(z.string()),
  components: z.array(z.string()),
  versions: z.array(z.object({ name: z.string(), released: z.boolean(), release_date: dateString().nullable() })),
});

/** Shared with the `jira://project/{key}` resource. */
export async function fetchProjectDetail({
  context,
  key,
  signal,
}: {
  context: JiraContext;
  key: string;
  signal?: AbortSignal;
}): Promise<z.infer<typeof projectDetailSchema>> {
  context.assertProjectAllowed({ project: key });
  const project = await context.call({ ...(signal ? { signal } : {}), call: (api) => api.getProject({ key }) });
  return {
    key: project.key,
    name: project.name,
    description: project.description || null,
    lead: project.lead?.displayName ?? null,
    issue_types: (project.issueTypes ?? []).map((type) => type.name ?? ''),
    components: (project.components ?? []).map((component) => component.name ?? ''),
    versions: (project.versions ?? []).map((version) => ({
      name: version.name ?? '',
      released: Boolean(version.released),
      release_date: toDate(version.releaseDate),
    })),
  };
}

export const getProject = defineJiraTool({
  name: 'get_project',
  title: 'Get project',
  description: 'Reads a project: description, lead, issue types, components and versions.',
  input: z.object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a project key such as SHOP')
      .describe('Project key, e.g. SHOP.'),
  }),
  output: projectDetailSchema.extend({
    truncated: z.boolean().describe('True when the description or the lists were cut to fit the budget.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxStructuredChars }) {
    const detail = await fetchProjectDetail({ context, key: input.key.toUpperCase(), signal });
    // The description and the lists share the budget; the text renders the same cut project.
    const fitted = truncateJsonValue({ value: detail, maxChars: maxStructuredChars - 32 });
    const project = fitted.value;
    const text = [
      `${project.key}: ${project.name} (lead ${project.lead ?? '-'})`,
      project.description,
      `issue types: ${project.issue_types.join(', ') || '-'}`,
      `components: ${project.components.join(', ') || '-'}`,
      `versions: ${project.versions.map((version) => `${version.name}${version.released ? ' (released)' : ''}`).join(', ') || '-'}`,
    ].join('\n');
    return { structured: { ...project, truncated: fitted.truncated }, text };
  },
});
