import type Anthropic from '@anthropic-ai/sdk';

type Message = Anthropic.MessageParam;

const blocksOf = (message: Message): Anthropic.ContentBlockParam[] =>
  typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;

/**
 * Makes stored history valid for the Messages API after an interrupted run (a crash or a cancel): tool
 * calls that never returned get a result saying so, and consecutive messages of one role are merged.
 */
export function repairHistory({ messages }: { messages: Message[] }): Message[] {
  const repaired: Message[] = [];
  for (const [index, message] of messages.entries()) {
    const previous = repaired.at(-1);
    if (previous && previous.role === message.role) {
      previous.content = [...blocksOf(previous), ...blocksOf(message)];
    } else {
      repaired.push({ role: message.role, content: message.content } as Message);
    }
    if (message.role !== 'assistant') continue;
    const pending = blocksOf(message).filter(
      (block): block is Anthropic.ToolUseBlockParam => block.type === 'tool_use',
    );
    const next = messages[index + 1];
    const answered = new Set(
      next && next.role === 'user'
        ? blocksOf(next).flatMap((block) => (block.type === 'tool_result' ? [block.tool_use_id] : []))
        : [],
    );
    const missing = pending.filter((block) => !answered.has(block.id));
    if (missing.length > 0) {
      repaired.push({
        role: 'user',
        content: missing.map((block) => ({
          type: 'tool_result',
          tool_use_id: block.id,
          is_error: true,
          content: 'The run was interrupted before this tool call returned.',
        })),
      });
    }
  }
  return repaired;
}
