import { ConnectorError } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { defineJiraTool } from '../define-jira-tool.js';
import { projectOfKey } from '../jira-context.js';

export const transitionIssue = defineJiraTool({
  name: 'transition_issue',
  title: 'Transition issue',
  description:
    'Moves an issue through its workflow by transition name (e.g. "Done") or id. An unknown name lists the valid transitions.',
  input: z.object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/)
      .describe('Issue key, e.g. SHOP-123.'),
    transition: z
      .string()
      .min(1)
      .max(100)
      .describe('Transition name (case-insensitive) or id, or the target status name.'),
  }),
  output: z.object({ key: z.string(), transition: z.string(), to: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  writes: true,
  async handler({ input, context, signal }) {
    const key = input.key.toUpperCase();
    context.assertProjectAllowed({ project: projectOfKey(key) });
    const available = await context.call({ signal, call: (api) => api.getTransitions({ key }) });
    const wanted = input.transition.toLowerCase();
    const chosen =
      available.find((transition) => transition.id === input.transition) ??
      available.find((transition) => transition.name.toLowerCase() === wanted) ??
      available.find((transition) => transition.to.toLowerCase() === wanted);
    if (!chosen) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: `${key} has no transition "${input.transition}". Valid now: ${available.map((transition) => `"${transition.name}" (id ${transition.id}, to ${transition.to})`).join(', ') || 'none'}.`,
      });
    }
    await context.call({ signal, call: (api) => api.doTransition({ key, id: chosen.id }) });
    return {
      structured: { key, transition: chosen.name, to: chosen.to },
      text: `${key} moved to ${chosen.to} ("${chosen.name}").`,
    };
  },
});
