import type { ContentBlock, StoredMessage, StoredToolCall } from '../api/api-types.js';
import type { AssistantPart, AssistantTurn, ChatItem } from './chat-items.js';

function blocksOf(content: StoredMessage['content']): ContentBlock[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

function textOfToolResult(block: ContentBlock): string {
  const content = (block as { content?: unknown }).content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
      .join('\n');
  return '';
}

/**
 * Rebuilds the chat from a stored session: user turns, and assistant turns made of the model's text and
 * its tool calls (status and duration from the audit of tool calls, the text the model read from the
 * tool results). Tool-result messages are plumbing, not turns.
 */
export function historyToChatItems({
  messages,
  toolCalls,
}: {
  messages: StoredMessage[];
  toolCalls: StoredToolCall[];
}): ChatItem[] {
  const calls = new Map(toolCalls.map((call) => [call.id, call]));
  const results = new Map<string, string>();
  for (const message of messages)
    for (const block of blocksOf(message.content))
      if (block.type === 'tool_result') results.set(String(block.tool_use_id), textOfToolResult(block));

  const items: ChatItem[] = [];
  let assistant: AssistantTurn | undefined;
  for (const message of messages) {
    const blocks = blocksOf(message.content);
    if (message.role === 'user') {
      const text = blocks
        .filter((block): block is { type: 'text'; text: string } => block.type === 'text')
        .map((block) => block.text)
        .join('\n');
      if (!text) continue; // only tool results: the assistant turn goes on
      assistant = undefined;
      items.push({ kind: 'user', id: `message-${message.id}`, text });
      continue;
    }
    if (!assistant) {
      assistant = { kind: 'assistant', id: `message-${message.id}`, parts: [], state: 'done' };
      items.push(assistant);
    }
    for (const block of blocks) {
      let part: AssistantPart | undefined;
      if (block.type === 'text' && typeof block.text === 'string' && block.text)
        part = { kind: 'text', text: block.text };
      if (block.type === 'tool_use') {
        const use = block as { id: string; name: string; input: unknown };
        const stored = calls.get(use.id);
        const separator = use.name.indexOf('__');
        part = {
          kind: 'tool',
          call: {
            id: use.id,
            datasource: stored?.datasource ?? (separator > 0 ? use.name.slice(0, separator) : ''),
            tool: stored?.tool ?? (separator > 0 ? use.name.slice(separator + 2) : use.name),
            arguments: stored?.arguments ?? use.input,
            // A call with no audit row never ran to the end (the run was stopped or the server went away).
            state: stored?.status ?? 'cancelled',
            ...(stored?.durationMs != null ? { durationMs: stored.durationMs } : {}),
            ...(stored?.summary ? { summary: stored.summary } : {}),
            ...(results.has(use.id) ? { resultText: results.get(use.id) } : {}),
            ...(stored?.result != null ? { result: stored.result } : {}),
            stored: true,
          },
        };
      }
      if (part) {
        const previous = assistant.parts.at(-1);
        if (part.kind === 'text' && previous?.kind === 'text')
          assistant.parts[assistant.parts.length - 1] = { kind: 'text', text: `${previous.text}\n\n${part.text}` };
        else assistant.parts.push(part);
      }
    }
  }
  return items;
}
