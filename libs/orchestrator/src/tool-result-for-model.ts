import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** About four characters per token for English and JSON; close enough to budget with. */
export const charactersPerToken = 4;

/**
 * The text of an MCP tool result as the model gets it, cut to a token budget with a marker that says so.
 * Images and other binary blocks are described, not inlined.
 */
export function toolResultForModel({ result, tokenBudget }: { result: CallToolResult; tokenBudget: number }): {
  text: string;
  truncated: boolean;
} {
  const text = result.content
    .map((block) => {
      if (block.type === 'text') return block.text;
      if (block.type === 'resource')
        return 'text' in block.resource ? block.resource.text : `[binary resource ${block.resource.uri}]`;
      return `[${block.type} content omitted]`;
    })
    .join('\n');
  const limit = tokenBudget * charactersPerToken;
  if (text.length <= limit) return { text: text || '(empty result)', truncated: false };
  const marker = `\n[truncated by the orchestrator: showing ${limit} of ${text.length} characters; ask the tool for less (a narrower query, a smaller page)]`;
  return { text: text.slice(0, Math.max(0, limit - marker.length)) + marker, truncated: true };
}
