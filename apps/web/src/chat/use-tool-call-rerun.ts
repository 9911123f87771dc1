import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { apiHeaders, errorFromResponse } from '../api/api-request.js';
import { ApiRequestError } from '../api/api-request-error.js';
import type { ChatStreamEvent } from '../api/api-types.js';
import { parseSseStream } from '../api/parse-sse-stream.js';
import { queryKeys } from '../api/use-api-queries.js';
import { applyChatEvent, finishOpenCalls, type AssistantTurn } from './chat-items.js';

/** One tool call to run again, with the arguments as edited. */
export interface ToolCallRequest {
  datasource: string;
  tool: string;
  arguments: Record<string, unknown>;
}

let nextRerunId = 0;

/**
 * Runs one tool call in a session without the model (edit & re-run from a card). The server records it as
 * a call of the session and streams the same events as a chat run, so a write shows the usual approval
 * prompt; the call appears as a new card in a turn of its own.
 */
export function useToolCallRerun({
  sessionId,
  appendTurn,
  updateTurn,
}: {
  sessionId: string | null;
  appendTurn: (turn: AssistantTurn) => void;
  updateTurn: (turnId: string, change: (turn: AssistantTurn) => AssistantTurn) => void;
}) {
  const client = useQueryClient();
  const [running, setRunning] = useState(false);
  const active = useRef<AbortController | null>(null);

  const rerun = useCallback(
    async (request: ToolCallRequest) => {
      if (!sessionId || active.current) return;
      const controller = new AbortController();
      active.current = controller;
      setRunning(true);
      const turnId = `rerun-${Date.now()}-${nextRerunId++}`;
      appendTurn({ kind: 'assistant', id: turnId, parts: [], state: 'streaming', origin: 'rerun' });
      const fail = (error: ApiRequestError) =>
        updateTurn(turnId, (turn) => ({
          ...finishOpenCalls({ turn, state: 'cancelled' }),
          state: 'error',
          error: { code: error.code as never, message: error.message, retryable: false },
        }));
      try {
        const response = await fetch(`/api/chat/sessions/${encodeURIComponent(sessionId)}/tool-calls`, {
          method: 'POST',
          headers: { ...apiHeaders({ json: true }), accept: 'text/event-stream' },
          body: JSON.stringify(request),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw await errorFromResponse({ response });
        for await (const { event, data } of parseSseStream({ body: response.body, signal: controller.signal })) {
          if (event === 'end') break;
          const parsed = JSON.parse(data) as ChatStreamEvent;
          updateTurn(turnId, (turn) => applyChatEvent({ turn, event: parsed }));
        }
        updateTurn(turnId, (turn) =>
          turn.state === 'streaming' ? { ...finishOpenCalls({ turn, state: 'cancelled' }), state: 'done' } : turn,
        );
      } catch (error) {
        fail(
          error instanceof ApiRequestError
            ? error
            : new ApiRequestError({
                status: 0,
                code: 'unreachable',
                message: 'The connection to the server was lost.',
              }),
        );
      } finally {
        active.current = null;
        setRunning(false);
        // The stored history now holds this call too.
        client.removeQueries({ queryKey: queryKeys.session(sessionId), exact: true });
      }
    },
    [appendTurn, client, sessionId, updateTurn],
  );

  return { rerun, running };
}
