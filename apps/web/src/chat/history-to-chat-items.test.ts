import type { StoredMessage, StoredRun, StoredToolCall } from '../api/api-types.js';
import type { AssistantTurn, ChatItem, ToolCallView } from './chat-items.js';
import { historyToChatItems } from './history-to-chat-items.js';

const at = '2026-11-24T10:00:00.000Z';

const usage = {
  inputTokens: 1_200,
  outputTokens: 80,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  estimatedCostUsd: 0.0048,
};

function run(overrides: Partial<StoredRun> & { id: string }): StoredRun {
  return {
    kind: 'chat',
    status: 'finished',
    createdAt: at,
    finishedAt: at,
    usage: null,
    error: null,
    question: null,
    ...overrides,
  };
}

function assistantAt(items: ChatItem[], index: number): AssistantTurn {
  const item = items[index];
  if (item?.kind !== 'assistant') throw new Error(`expected an assistant turn at ${index}`);
  return item;
}

const callsOf = (turn: AssistantTurn): ToolCallView[] =>
  turn.parts.flatMap((part) => (part.kind === 'tool' ? [part.call] : []));

describe('historyToChatItems', () => {
  const messages: StoredMessage[] = [
    { id: 1, role: 'user', content: 'How many orders?', createdAt: at },
    {
      id: 2,
      role: 'assistant',
      content: [
        { type: 'text', text: 'Counting.' },
        { type: 'tool_use', id: 'tu1', name: 'shop__execute_query', input: { sql: 'SELECT COUNT(*) FROM orders' } },
        { type: 'tool_use', id: 'tu2', name: 'files__list_objects', input: {} },
      ],
      createdAt: at,
    },
    {
      id: 3,
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'tu1', content: [{ type: 'text', text: 'count\n42' }] },
        { type: 'tool_result', tool_use_id: 'tu2', content: 'Stopped', is_error: true },
      ],
      createdAt: at,
    },
    { id: 4, role: 'assistant', content: [{ type: 'text', text: 'There are 42.' }], createdAt: at },
  ];
  const toolCalls: StoredToolCall[] = [
    {
      id: 'tu1',
      runId: 'r1',
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql: 'SELECT COUNT(*) FROM orders' },
      status: 'ok',
      durationMs: 8,
      summary: '1 row',
      result: { columns: [{ name: 'count', type: 'bigint' }], rows: [['42']] },
      errorCode: null,
      modelText: 'count\n42',
      createdAt: at,
    },
  ];

  it('rebuilds user turns and assistant turns with their tool calls, hiding tool-result messages', () => {
    const items = historyToChatItems({ messages, toolCalls });
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ kind: 'user', id: 'message-1', text: 'How many orders?' });
    const assistant = assistantAt(items, 1);
    expect(assistant.parts.map((part) => part.kind)).toEqual(['text', 'tool', 'tool', 'text']);
    expect(assistant.parts[1]).toEqual({
      kind: 'tool',
      call: expect.objectContaining({
        datasource: 'shop',
        tool: 'execute_query',
        state: 'ok',
        durationMs: 8,
        resultText: 'count\n42',
        result: { columns: [{ name: 'count', type: 'bigint' }], rows: [['42']] },
        stored: true,
      }),
    });
    // No audit row: the call never finished.
    expect(assistant.parts[2]).toEqual({
      kind: 'tool',
      call: expect.objectContaining({
        datasource: 'files',
        tool: 'list_objects',
        state: 'cancelled',
        resultText: 'Stopped',
      }),
    });
  });

  it("opens the last answer's cards as they were seen, and keeps older answers folded", () => {
    const later: StoredMessage[] = [
      ...messages,
      { id: 5, role: 'user', content: 'And customers?', createdAt: at },
      {
        id: 6,
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'tu3', name: 'shop__execute_query', input: { sql: 'SELECT 1' } }],
        createdAt: at,
      },
    ];
    const items = historyToChatItems({ messages: later, toolCalls });
    expect(callsOf(assistantAt(items, 1)).map((call) => call.openOnReopen)).toEqual([undefined, undefined]);
    expect(callsOf(assistantAt(items, 3)).map((call) => call.openOnReopen)).toEqual([true]);
  });

  it("gives each answer its run's tokens and cost, newest runs to newest questions", () => {
    const items = historyToChatItems({
      messages,
      toolCalls,
      // An older run from before the chat's first stored question is ignored; a re-run of one card asks nothing.
      runs: [run({ id: 'r0', usage }), run({ id: 'r1', usage }), run({ id: 'r2', kind: 'tool_call', usage: null })],
    });
    expect(assistantAt(items, 1)).toEqual(expect.objectContaining({ runId: 'r1', usage, state: 'done' }));
  });

  it('shows a failed run that never answered as its question, then the error', () => {
    const failed: StoredMessage[] = [...messages, { id: 5, role: 'user', content: 'Top customers?', createdAt: at }];
    const error = { code: 'missing_api_key' as const, message: 'No Anthropic API key is set.', retryable: false };
    const items = historyToChatItems({
      messages: failed,
      toolCalls,
      runs: [run({ id: 'r1', usage }), run({ id: 'r2', status: 'failed', error, question: 'Top customers?' })],
    });
    expect(items.map((item) => item.kind)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(items[2]).toEqual(expect.objectContaining({ kind: 'user', text: 'Top customers?' }));
    expect(assistantAt(items, 3)).toEqual(expect.objectContaining({ state: 'error', error, runId: 'r2', parts: [] }));
    expect(assistantAt(items, 1).error).toBeUndefined();
  });

  it("keeps a failed call's error code from the audit", () => {
    const items = historyToChatItems({
      messages,
      toolCalls: [{ ...toolCalls[0]!, status: 'error', errorCode: 'INVALID_INPUT', result: undefined }],
    });
    expect(callsOf(assistantAt(items, 1))[0]).toEqual(
      expect.objectContaining({ state: 'error', errorCode: 'INVALID_INPUT' }),
    );
  });
});
