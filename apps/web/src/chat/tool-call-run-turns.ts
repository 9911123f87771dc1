import type { StoredMessage, StoredRun, StoredToolCall } from '../api/api-types.js';
import type { AssistantTurn, ChatItem, ToolCallView } from './chat-items.js';

function storedCallView({ call }: { call: StoredToolCall }): ToolCallView {
  return {
    id: call.id,
    datasource: call.datasource,
    tool: call.tool,
    arguments: call.arguments,
    state: call.status,
    ...(call.durationMs != null ? { durationMs: call.durationMs } : {}),
    ...(call.summary ? { summary: call.summary } : {}),
    ...(call.result != null ? { result: call.result } : {}),
    ...(call.modelText ? { resultText: call.modelText } : {}),
    ...(call.errorCode ? { errorCode: call.errorCode } : {}),
    stored: true,
  };
}

/**
 * Puts the tool calls re-run from cards (runs of kind `tool_call`, which have no messages) back into the
 * rebuilt chat, each as a turn of its own where it happened: before the first turn that began after it.
 * Without this a reopened chat would lose every edited re-run.
 */
export function withToolCallRuns({
  items,
  messages,
  runs,
  toolCalls,
}: {
  items: ChatItem[];
  messages: StoredMessage[];
  runs: StoredRun[];
  toolCalls: StoredToolCall[];
}): ChatItem[] {
  const reruns = runs.filter((run) => run.kind === 'tool_call');
  if (reruns.length === 0) return items;
  const messageTimes = new Map(messages.map((message) => [`message-${message.id}`, Date.parse(message.createdAt)]));
  // A turn rebuilt from several messages is named after its first; turns named otherwise began with the one before.
  let time = Number.NEGATIVE_INFINITY;
  const startTimes = items.map((item) => (time = messageTimes.get(item.id) ?? time));

  const turnsBefore = new Map<number, AssistantTurn[]>();
  for (const run of reruns) {
    const calls = toolCalls.filter((call) => call.runId === run.id);
    if (calls.length === 0 && !run.error) continue;
    const turn: AssistantTurn = {
      kind: 'assistant',
      id: `rerun-${run.id}`,
      runId: run.id,
      origin: 'rerun',
      parts: calls.map((call) => ({ kind: 'tool', call: storedCallView({ call }) })),
      state: run.error ? 'error' : 'done',
      ...(run.error ? { error: run.error } : {}),
    };
    const started = Date.parse(run.createdAt);
    const index = startTimes.findIndex((start) => start > started);
    const position = index === -1 ? items.length : index;
    turnsBefore.set(position, [...(turnsBefore.get(position) ?? []), turn]);
  }
  const result: ChatItem[] = [];
  items.forEach((item, index) => {
    result.push(...(turnsBefore.get(index) ?? []), item);
  });
  const last = turnsBefore.get(items.length) ?? [];
  result.push(...last);
  // The chat's last answer opens its cards as they were seen; a re-run that came last is that answer.
  const final = result.at(-1);
  if (final && last.includes(final as AssistantTurn) && final.kind === 'assistant')
    final.parts = final.parts.map((part) =>
      part.kind === 'tool' ? { kind: 'tool', call: { ...part.call, openOnReopen: true } } : part,
    );
  return result;
}
