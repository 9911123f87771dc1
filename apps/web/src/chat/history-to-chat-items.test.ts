import type { StoredMessage, StoredToolCall } from '../api/api-types.js';
import { historyToChatItems } from './history-to-chat-items.js';

const at = '2026-11-24T10:00:00.000Z';

describe('historyToChatItems', () => {
  it('rebuilds user turns and assistant turns with their tool calls, hiding tool-result messages', () => {
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
        runId: 'r',
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
    const items = historyToChatItems({ messages, toolCalls });
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ kind: 'user', id: 'message-1', text: 'How many orders?' });
    const assistant = items[1]!;
    if (assistant.kind !== 'assistant') throw new Error('expected an assistant turn');
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
});
