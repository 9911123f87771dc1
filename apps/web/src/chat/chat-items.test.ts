import type { ChatStreamEvent } from '../api/api-types.js';
import { applyChatEvent, type AssistantTurn } from './chat-items.js';

const play = (events: ChatStreamEvent[]): AssistantTurn =>
  events.reduce<AssistantTurn>((turn, event) => applyChatEvent({ turn, event }), {
    kind: 'assistant',
    id: 'turn',
    parts: [],
    state: 'streaming',
  });

describe('applyChatEvent', () => {
  it('joins streamed text, places tool calls between texts and records usage', () => {
    const turn = play([
      { type: 'run', runId: 'run-1', sessionId: 's' },
      { type: 'text_delta', text: 'Let me ' },
      { type: 'text_delta', text: 'look.' },
      {
        type: 'tool_call_started',
        id: 't1',
        datasource: 'shop',
        tool: 'execute_query',
        arguments: { sql: 'SELECT 1' },
      },
      { type: 'tool_call_progress', id: 't1', progress: 1, total: 2, message: 'half' },
      {
        type: 'tool_call_finished',
        id: 't1',
        datasource: 'shop',
        tool: 'execute_query',
        status: 'ok',
        durationMs: 12,
        summary: '1 row',
        result: { columns: [{ name: 'x', type: 'int' }], rows: [[1]] },
        modelText: 'x\n1',
      },
      { type: 'text_delta', text: 'One.' },
      {
        type: 'usage',
        inputTokens: 10,
        outputTokens: 5,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        estimatedCostUsd: 0.001,
      },
      { type: 'done', stopReason: 'end_turn' },
    ]);
    expect(turn.runId).toBe('run-1');
    expect(turn.state).toBe('done');
    expect(turn.parts).toEqual([
      { kind: 'text', text: 'Let me look.' },
      {
        kind: 'tool',
        call: expect.objectContaining({
          id: 't1',
          state: 'ok',
          durationMs: 12,
          summary: '1 row',
          arguments: { sql: 'SELECT 1' },
        }),
      },
      { kind: 'text', text: 'One.' },
    ]);
    expect((turn.parts[1] as { call: { progress?: unknown } }).call.progress).toBeUndefined();
    expect(turn.usage).toEqual({
      inputTokens: 10,
      outputTokens: 5,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      estimatedCostUsd: 0.001,
    });
  });

  it('shows an approval on the call, then the call running once approved', () => {
    const waiting = play([
      {
        type: 'approval_required',
        id: 'w1',
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql: 'DELETE FROM t' },
        destructive: true,
      },
    ]);
    expect(waiting.parts[0]).toEqual({
      kind: 'tool',
      call: expect.objectContaining({ state: 'awaiting_approval', approval: { destructive: true } }),
    });
    const running = applyChatEvent({
      turn: waiting,
      event: {
        type: 'tool_call_started',
        id: 'w1',
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql: 'DELETE FROM t' },
      },
    });
    expect(running.parts).toHaveLength(1);
    expect(running.parts[0]).toEqual({
      kind: 'tool',
      call: expect.objectContaining({ state: 'running', approval: undefined }),
    });
  });

  it('a denied call ends denied; an error stops open calls and keeps the partial text', () => {
    const denied = play([
      {
        type: 'approval_required',
        id: 'w1',
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: {},
        destructive: false,
      },
      {
        type: 'tool_call_finished',
        id: 'w1',
        datasource: 'shop',
        tool: 'execute_statement',
        status: 'denied',
        durationMs: 0,
        summary: 'Denied',
        modelText: 'The user denied this call.',
      },
    ]);
    expect(denied.parts[0]).toEqual({ kind: 'tool', call: expect.objectContaining({ state: 'denied' }) });

    const failed = play([
      { type: 'text_delta', text: 'Partial' },
      { type: 'tool_call_started', id: 't2', datasource: 'files', tool: 'list_objects', arguments: {} },
      { type: 'error', code: 'cancelled', message: 'Stopped by the user.', retryable: true },
    ]);
    expect(failed.state).toBe('error');
    expect(failed.error).toEqual({ code: 'cancelled', message: 'Stopped by the user.', retryable: true });
    expect(failed.parts[0]).toEqual({ kind: 'text', text: 'Partial' });
    expect(failed.parts[1]).toEqual({ kind: 'tool', call: expect.objectContaining({ state: 'cancelled' }) });
  });

  it("keeps a failed call's error code, whether retrying may help, and the text the model read", () => {
    const turn = play([
      { type: 'tool_call_started', id: 'q', datasource: 'shop', tool: 'execute_query', arguments: { sql: 'SELEC 1' } },
      {
        type: 'tool_call_finished',
        id: 'q',
        datasource: 'shop',
        tool: 'execute_query',
        status: 'error',
        durationMs: 3,
        summary: 'Failed',
        errorCode: 'INVALID_INPUT',
        retryable: false,
        modelText: 'You have an error in your SQL syntax near SELEC at position 1',
      },
    ]);
    expect(turn.parts[0]).toEqual({
      kind: 'tool',
      call: expect.objectContaining({
        state: 'error',
        errorCode: 'INVALID_INPUT',
        retryable: false,
        resultText: 'You have an error in your SQL syntax near SELEC at position 1',
      }),
    });
  });
});
