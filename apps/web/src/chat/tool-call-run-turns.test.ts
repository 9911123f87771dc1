import type { StoredMessage, StoredRun, StoredToolCall } from '../api/api-types.js';
import type { ChatItem } from './chat-items.js';
import { withToolCallRuns } from './tool-call-run-turns.js';

const message = (id: number, role: 'user' | 'assistant', createdAt: string): StoredMessage => ({
  id,
  role,
  content: role === 'user' ? `question ${id}` : [{ type: 'text', text: `answer ${id}` }],
  createdAt,
});

const run = (id: string, kind: StoredRun['kind'], createdAt: string, error: StoredRun['error'] = null): StoredRun => ({
  id,
  kind,
  status: error ? 'failed' : 'finished',
  createdAt,
  finishedAt: createdAt,
  usage: null,
  error,
  question: null,
});

const call = (id: string, runId: string, sql: string): StoredToolCall => ({
  id,
  runId,
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql },
  status: 'ok',
  durationMs: 12,
  summary: '2 rows',
  result: { columns: [{ name: 'n', type: 'int' }], rows: [[1], [2]] },
  errorCode: null,
  modelText: 'n\n1\n2',
  createdAt: '2026-11-29T10:00:00Z',
});

const messages = [
  message(1, 'user', '2026-11-29T10:00:00Z'),
  message(2, 'assistant', '2026-11-29T10:00:05Z'),
  message(3, 'user', '2026-11-29T10:05:00Z'),
  message(4, 'assistant', '2026-11-29T10:05:05Z'),
];
const items: ChatItem[] = [
  { kind: 'user', id: 'message-1', text: 'question 1' },
  { kind: 'assistant', id: 'message-2', parts: [{ kind: 'text', text: 'answer 2' }], state: 'done' },
  { kind: 'user', id: 'message-3', text: 'question 3' },
  { kind: 'assistant', id: 'message-4', parts: [{ kind: 'text', text: 'answer 4' }], state: 'done' },
];

describe('withToolCallRuns', () => {
  it('puts each re-run back where it happened, as a card with its stored result', () => {
    const result = withToolCallRuns({
      items,
      messages,
      runs: [
        run('chat-1', 'chat', '2026-11-29T10:00:00Z'),
        run('rerun-1', 'tool_call', '2026-11-29T10:01:00Z'),
        run('chat-2', 'chat', '2026-11-29T10:05:00Z'),
        run('rerun-2', 'tool_call', '2026-11-29T10:06:00Z'),
      ],
      toolCalls: [call('c1', 'rerun-1', 'SELECT 1'), call('c2', 'rerun-2', 'SELECT 2')],
    });
    expect(result.map((item) => item.id)).toEqual([
      'message-1',
      'message-2',
      'rerun-rerun-1',
      'message-3',
      'message-4',
      'rerun-rerun-2',
    ]);
    expect(result[2]).toMatchObject({
      state: 'done',
      origin: 'rerun',
      parts: [
        {
          kind: 'tool',
          call: {
            id: 'c1',
            arguments: { sql: 'SELECT 1' },
            state: 'ok',
            summary: '2 rows',
            resultText: 'n\n1\n2',
            stored: true,
          },
        },
      ],
    });
    // Only the chat's last answer opens its cards.
    expect(result[2]!.kind === 'assistant' && result[2]!.parts[0]).not.toHaveProperty('call.openOnReopen');
    expect(result[5]).toMatchObject({ parts: [{ call: { id: 'c2', openOnReopen: true } }] });
  });

  it('shows a failed re-run with its error, and leaves a chat without re-runs as it was', () => {
    const error = { code: 'upstream' as const, message: 'The run failed on the server.', retryable: true };
    const result = withToolCallRuns({
      items,
      messages,
      runs: [run('rerun-1', 'tool_call', '2026-11-29T10:01:00Z', error)],
      toolCalls: [],
    });
    expect(result[2]).toMatchObject({ id: 'rerun-rerun-1', state: 'error', error, parts: [] });
    expect(
      withToolCallRuns({ items, messages, runs: [run('chat-1', 'chat', '2026-11-29T10:00:00Z')], toolCalls: [] }),
    ).toBe(items);
  });
});
