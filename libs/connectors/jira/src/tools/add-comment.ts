import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import { projectOfKey } from '../jira-context.js';

export const addComment = defineJiraTool({
  name: 'add_comment',
  title: 'Add comment',
  description: 'Adds a comment (Markdown) to an issue.',
  input: z.object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/)
      .describe('Issue key, e.g. SHOP-123.'),
    body: z.string().min(1).max(30_000).describe('The comment in Markdown.'),
  }),
  output: z.object({ key: z.string(), comment_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  writes: true,
  async handler({ input, context, signal }) {
    const key = input.key.toUpperCase();
    context.assertProjectAllowed({ project: projectOfKey(key) });
    const comment = await context.call({
      signal,
      call: (api) => api.addComment({ key, body: api.richText(input.body) }),
    });
    return { structured: { key, comment_id: comment.id }, text: `Commented on ${key}.` };
  },
});
