import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { ReadableStream } from 'node:stream/web';
import { TextDecoder, TextEncoder } from 'node:util';
import type { ReactNode } from 'react';
import type { AssistantTurn } from './chat-items.js';
import { useToolCallRerun } from './use-tool-call-rerun.js';

// jsdom has no streams or text codecs; Node's are the ones browsers implement.
Object.assign(globalThis, { ReadableStream, TextDecoder, TextEncoder });

function sseResponse(events: object[]) {
  const text = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'event: end\ndata: {}\n\n';
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return { ok: true, status: 200, body };
}

function setup() {
  let turns: AssistantTurn[] = [];
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(
    () =>
      useToolCallRerun({
        sessionId: 'session-1',
        appendTurn: (turn) => (turns = [...turns, turn]),
        updateTurn: (id, change) => (turns = turns.map((turn) => (turn.id === id ? change(turn) : turn))),
      }),
    { wrapper },
  );
  return { result, turns: () => turns };
}

describe('useToolCallRerun', () => {
  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('posts the edited call to the session and streams it into a turn of its own as a new card', async () => {
    const fetch = jest.fn(async (_url: string, _init: RequestInit) =>
      sseResponse([
        { type: 'run', runId: 'run-2', sessionId: 'session-1' },
        {
          type: 'tool_call_started',
          id: 'c2',
          datasource: 'shop',
          tool: 'execute_query',
          arguments: { sql: 'SELECT 2' },
        },
        {
          type: 'tool_call_finished',
          id: 'c2',
          datasource: 'shop',
          tool: 'execute_query',
          status: 'ok',
          durationMs: 12,
          summary: '1 row',
          result: { columns: [{ name: '2', type: 'int' }], rows: [[2]] },
          modelText: '2\n2',
        },
        { type: 'done', stopReason: 'tool_call' },
      ]),
    );
    Object.assign(globalThis, { fetch });
    const { result, turns } = setup();
    await act(() =>
      result.current.rerun({ datasource: 'shop', tool: 'execute_query', arguments: { sql: 'SELECT 2' } }),
    );
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/chat/sessions/session-1/tool-calls');
    expect(JSON.parse(String(init.body))).toEqual({
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql: 'SELECT 2' },
    });
    expect(turns()).toHaveLength(1);
    expect(turns()[0]).toMatchObject({
      state: 'done',
      origin: 'rerun',
      runId: 'run-2',
      parts: [{ kind: 'tool', call: { id: 'c2', state: 'ok', summary: '1 row', arguments: { sql: 'SELECT 2' } } }],
    });
    expect(result.current.running).toBe(false);
  });

  it('shows a refused request as the turn’s error', async () => {
    const fetch = jest.fn(async () => ({
      ok: false,
      status: 404,
      statusText: 'Not Found',
      json: async () => ({ error: { code: 'not_found', message: 'No tool drop_everything.' } }),
    }));
    Object.assign(globalThis, { fetch });
    const { result, turns } = setup();
    await act(() => result.current.rerun({ datasource: 'shop', tool: 'drop_everything', arguments: {} }));
    expect(turns()[0]).toMatchObject({
      state: 'error',
      error: { code: 'not_found', message: 'No tool drop_everything.' },
    });
  });
});
