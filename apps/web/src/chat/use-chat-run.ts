import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { apiHeaders, apiRequest, errorFromResponse } from '../api/api-request.js';
import { ApiRequestError } from '../api/api-request-error.js';
import type { ChatStreamEvent } from '../api/api-types.js';
import { parseSseStream } from '../api/parse-sse-stream.js';
import { queryKeys } from '../api/use-api-queries.js';
import { applyChatEvent, finishOpenCalls, type AssistantTurn, type ChatItem } from './chat-items.js';

const healthRecheckMs = 3_000;

let nextLocalId = 0;
const localId = (prefix: string) => `${prefix}-${Date.now()}-${nextLocalId++}`;

/**
 * One conversation's live state: sends a message, streams the run's events into the turns, and offers
 * stop, approve/deny and retry. The stored history seeds it (`reset`).
 */
export function useChatRun({
  onSessionCreated,
  onRunStarted,
}: {
  onSessionCreated: (sessionId: string) => void;
  /** The server acknowledged a message: the chat (new or not) now keeps the datasources it was sent with. */
  onRunStarted?: (options: { sessionId: string; datasourceIds: string[] }) => void;
}) {
  const client = useQueryClient();
  const [items, setItems] = useState<ChatItem[]>([]);
  const [running, setRunning] = useState(false);
  const run = useRef<{ controller: AbortController; runId?: string; turnId: string } | null>(null);

  const updateTurn = useCallback((turnId: string, change: (turn: AssistantTurn) => AssistantTurn) => {
    setItems((current) =>
      current.map((item) => (item.kind === 'assistant' && item.id === turnId ? change(item) : item)),
    );
  }, []);

  // A failed call may mean its source went down: ask at once, and again once the server's own check (run
  // soon after a failure) has had time to finish.
  const refreshHealth = useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.datasources });
    setTimeout(() => void client.invalidateQueries({ queryKey: queryKeys.datasources }), healthRecheckMs);
  }, [client]);

  const send = useCallback(
    async ({
      sessionId,
      message,
      datasources,
    }: {
      sessionId: string | null;
      message: string;
      datasources: string[];
    }) => {
      if (run.current) return;
      const turnId = localId('assistant');
      const controller = new AbortController();
      run.current = { controller, turnId };
      setRunning(true);
      setItems((current) => [
        ...current,
        { kind: 'user', id: localId('user'), text: message },
        { kind: 'assistant', id: turnId, parts: [], state: 'streaming' },
      ]);
      let createdSession: string | undefined;
      const fail = (error: ApiRequestError) =>
        updateTurn(turnId, (turn) => ({
          ...finishOpenCalls({ turn, state: 'cancelled' }),
          state: 'error',
          error: {
            code: error.code as never,
            message: error.message,
            retryable: error.status === 0 || error.status === 429 || error.status >= 500,
          },
        }));
      try {
        const response = await fetch('/api/chat/message', {
          method: 'POST',
          headers: { ...apiHeaders({ json: true }), accept: 'text/event-stream' },
          body: JSON.stringify({ ...(sessionId ? { sessionId } : {}), message, datasources }),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw await errorFromResponse({ response });
        for await (const { event, data } of parseSseStream({ body: response.body, signal: controller.signal })) {
          if (event === 'end') break;
          const parsed = JSON.parse(data) as ChatStreamEvent;
          if (parsed.type === 'run') {
            run.current.runId = parsed.runId;
            if (parsed.sessionId !== sessionId) {
              createdSession = parsed.sessionId;
              onSessionCreated(parsed.sessionId);
            }
            onRunStarted?.({ sessionId: parsed.sessionId, datasourceIds: datasources });
            void client.invalidateQueries({ queryKey: queryKeys.sessions });
          }
          if (parsed.type === 'tool_call_finished' && parsed.status === 'error') refreshHealth();
          updateTurn(turnId, (turn) => applyChatEvent({ turn, event: parsed }));
        }
        updateTurn(turnId, (turn) =>
          turn.state === 'streaming' ? { ...finishOpenCalls({ turn, state: 'cancelled' }), state: 'done' } : turn,
        );
      } catch (error) {
        if (controller.signal.aborted) {
          updateTurn(turnId, (turn) => ({
            ...finishOpenCalls({ turn, state: 'cancelled' }),
            state: 'error',
            error: turn.error ?? { code: 'cancelled', message: 'Stopped.', retryable: true },
          }));
        } else if (error instanceof ApiRequestError) {
          fail(error);
        } else {
          fail(
            new ApiRequestError({ status: 0, code: 'unreachable', message: 'The connection to the server was lost.' }),
          );
        }
      } finally {
        run.current = null;
        setRunning(false);
        void client.invalidateQueries({ queryKey: queryKeys.sessions });
        const finishedSession = createdSession ?? sessionId;
        // The stored history is now newer than any cached copy.
        if (finishedSession) client.removeQueries({ queryKey: queryKeys.session(finishedSession), exact: true });
      }
    },
    [client, onSessionCreated, onRunStarted, refreshHealth, updateTurn],
  );

  /** Asks the server to cancel the run (its stream then ends with a `cancelled` error); aborts if it can't. */
  const stop = useCallback(async () => {
    const current = run.current;
    if (!current) return;
    if (!current.runId) return current.controller.abort();
    try {
      await apiRequest<void>({ path: `/api/chat/runs/${encodeURIComponent(current.runId)}/cancel`, method: 'POST' });
      setTimeout(() => {
        if (run.current === current) current.controller.abort();
      }, 5_000);
    } catch {
      current.controller.abort();
    }
  }, []);

  const decide = useCallback(
    async ({ id, approve }: { id: string; approve: boolean }) => {
      const turnId = run.current?.turnId;
      try {
        await apiRequest<void>({
          path: `/api/chat/approvals/${encodeURIComponent(id)}`,
          method: 'POST',
          body: { approve },
        });
      } catch (error) {
        if (turnId)
          updateTurn(turnId, (turn) => ({
            ...turn,
            error: {
              code: 'upstream',
              message: `The decision was not delivered: ${(error as Error).message}`,
              retryable: false,
            },
          }));
      }
    },
    [updateTurn],
  );

  const reset = useCallback((next: ChatItem[]) => {
    run.current?.controller.abort();
    setItems(next);
  }, []);

  /** Adds a turn that another stream fills: a tool call re-run from its card (use-tool-call-rerun.ts). */
  const appendTurn = useCallback((turn: AssistantTurn) => setItems((current) => [...current, turn]), []);

  return { items, running, send, stop, decide, reset, appendTurn, updateTurn };
}
