import { ConnectorError } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import { projectOfKey } from '../jira-context.js';

export const updateIssue = defineJiraTool({
  name: 'update_issue',
  title: 'Update issue',
  description:
    'Changes fields of an issue: summary, description (Markdown), labels, priority, or others as Jira expects them.',
  input: z.object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/)
      .describe('Issue key, e.g. SHOP-123.'),
    fields: z
      .record(z.string(), z.unknown())
      .describe(
        'Fields to set, e.g. {"summary": "…", "description": "Markdown…", "labels": ["a"], "priority": {"name": "High"}}.',
      ),
  }),
  output: z.object({ key: z.string(), updated_fields: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  writes: true,
  async handler({ input, context, signal }) {
    const key = input.key.toUpperCase();
    context.assertProjectAllowed({ project: projectOfKey(key) });
    const names = Object.keys(input.fields);
    if (names.length === 0)
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: 'fields is empty: name at least one field to change.',
      });
    await context.call({
      signal,
      call: (api) =>
        api.editIssue({
          key,
          fields: Object.fromEntries(
            Object.entries(input.fields).map(([name, value]) => [
              name,
              name === 'description' && typeof value === 'string' ? api.richText(value) : value,
            ]),
          ),
        }),
    });
    return { structured: { key, updated_fields: names }, text: `Updated ${key}: ${names.join(', ')}.` };
  },
});
