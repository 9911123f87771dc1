import type { ContentBlock, StoredMessage, StoredRun, StoredToolCall } from '../api/api-types.js';
import type { AssistantPart, AssistantTurn, ChatItem, ToolCallView } from './chat-items.js';

function blocksOf(content: StoredMessage['content']): ContentBlock[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

function textOfToolResult(block: ContentBlock): string {
  const content = block.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
      .join('\n');
  return '';
}

function toolCallView({
  id,
  name,
  input,
  stored,
  resultText,
}: {
  id: string;
  name: string;
  input: unknown;
  stored: StoredToolCall | undefined;
  resultText: string | undefined;
}): ToolCallView {
  const separator = name.indexOf('__');
  const text = resultText ?? stored?.modelText ?? undefined;
  return {
    id,
    datasource: stored?.datasource ?? (separator > 0 ? name.slice(0, separator) : ''),
    tool: stored?.tool ?? (separator > 0 ? name.slice(separator + 2) : name),
    arguments: stored?.arguments ?? input,
    // A call with no audit row never ran to the end (the run was stopped or the server went away).
    state: stored?.status ?? 'cancelled',
    ...(stored?.durationMs != null ? { durationMs: stored.durationMs } : {}),
    ...(stored?.summary ? { summary: stored.summary } : {}),
    ...(text ? { resultText: text } : {}),
    ...(stored?.result != null ? { result: stored.result } : {}),
    ...(stored?.errorCode ? { errorCode: stored.errorCode } : {}),
    stored: true,
  };
}

/**
 * Gives each question its run's outcome: tokens and cost, and the error that ended it. Runs are stored
 * oldest first, one per question asked (runs re-running a single tool call ask nothing), so the newest
 * runs belong to the newest questions; older chats may hold questions from before runs were kept.
 */
function attachRuns({ items, runs }: { items: ChatItem[]; runs: StoredRun[] }): ChatItem[] {
  const questionRuns = runs.filter((run) => run.kind !== 'tool_call');
  const userIndexes = items.flatMap((item, index) => (item.kind === 'user' ? [index] : []));
  const runOfUser = new Map<number, StoredRun>();
  for (let back = 1; back <= Math.min(questionRuns.length, userIndexes.length); back++)
    runOfUser.set(userIndexes.at(-back)!, questionRuns.at(-back)!);

  const result: ChatItem[] = [];
  items.forEach((item, index) => {
    result.push(item);
    const run = runOfUser.get(index);
    if (!run || (!run.usage && !run.error)) return;
    const next = items[index + 1];
    const answer: AssistantTurn =
      next?.kind === 'assistant' ? next : { kind: 'assistant', id: `run-${run.id}`, parts: [], state: 'done' };
    if (answer !== next) result.push(answer);
    answer.runId = run.id;
    if (run.usage) answer.usage = run.usage;
    if (run.error) {
      answer.error = run.error;
      answer.state = 'error';
    }
  });
  return result;
}

/**
 * Rebuilds the chat from a stored session as it was seen: user turns, and assistant turns made of the
 * model's text and its tool calls (status, duration and error code from the audit of tool calls, the text
 * the model read from the tool results), with each run's tokens, cost and error. The last answer's cards
 * open as they were live; older ones stay folded. Tool-result messages are plumbing, not turns.
 */
export function historyToChatItems({
  messages,
  toolCalls,
  runs = [],
}: {
  messages: StoredMessage[];
  toolCalls: StoredToolCall[];
  runs?: StoredRun[];
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
        .flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : []))
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
        const id = String(block.id);
        part = {
          kind: 'tool',
          call: toolCallView({
            id,
            name: String(block.name),
            input: block.input,
            stored: calls.get(id),
            resultText: results.get(id),
          }),
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
  const withRuns = attachRuns({ items, runs });
  const lastAnswer = withRuns.at(-1);
  if (lastAnswer?.kind === 'assistant')
    lastAnswer.parts = lastAnswer.parts.map((part) =>
      part.kind === 'tool' ? { kind: 'tool', call: { ...part.call, openOnReopen: true } } : part,
    );
  return withRuns;
}
