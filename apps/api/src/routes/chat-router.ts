import type Anthropic from '@anthropic-ai/sdk';
import { runChat, type ChatEvent, type ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import type { ChatStore } from '../database/chat-store.js';
import { repairHistory } from '../repair-history.js';
import type { RunRegistry } from '../run-registry.js';

const messageBody = z.object({
  session_id: z.string().uuid().optional(),
  message: z.string().min(1).max(20_000),
  datasources: z.array(z.string().min(1)).min(1).max(20),
});

export interface ChatRouterOptions {
  hub: ConnectorHub;
  store: ChatStore;
  runs: RunRegistry;
  /** For tests and embedding; by default the orchestrator builds one from ANTHROPIC_API_KEY. */
  anthropic?: Anthropic;
  environment: Record<string, string | undefined>;
  /** Sees every event (metrics). */
  onEvent?: (event: ChatEvent) => void;
}

/**
 * The chat: a user message starts a run of the orchestrator whose events stream back as Server-Sent
 * Events (or come back as JSON when the client does not ask for a stream). The user's message is stored
 * before the run starts, and each message the run adds and each tool call as they happen.
 */
export function chatRouter({ hub, store, runs, anthropic, environment, onEvent: observe }: ChatRouterOptions): Router {
  const router = Router();
  router.post('/message', async (request, response) => {
    const owner = request.owner!;
    const body = messageBody.parse(request.body);
    const known = new Set(
      hub
        .datasources()
        .filter((datasource) => datasource.enabled)
        .map((datasource) => datasource.id),
    );
    const unknown = body.datasources.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new ApiError({
        status: 400,
        code: 'unknown_datasource',
        message: `Unknown datasource: ${unknown.join(', ')}.`,
      });
    const session = body.session_id
      ? await store.getSession({ owner, id: body.session_id })
      : await store.createSession({ owner, title: body.message.slice(0, 80), datasources: body.datasources });
    if (!session) throw new ApiError({ status: 404, code: 'not_found', message: `No session ${body.session_id}.` });
    const stored = (await store.messages({ sessionId: session.id })).map(
      (message) => ({ role: message.role, content: message.content }) as Anthropic.MessageParam,
    );
    const userMessage: Anthropic.MessageParam = { role: 'user', content: body.message };
    // Stored before anything else happens: once acknowledged, the question survives any crash.
    await store.appendMessages({ sessionId: session.id, messages: [userMessage] });
    const conversation = repairHistory({ messages: [...stored, userMessage] });

    const run = await runs.start({ owner, sessionId: session.id });
    const streaming = (request.headers.accept ?? '').includes('text/event-stream');
    const events: ChatEvent[] = [];
    const toolArguments = new Map<string, unknown>();
    const send = (event: ChatEvent | { type: 'run'; run_id: string; session_id: string }) => {
      if (streaming && !response.writableEnded) response.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    if (streaming) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
    }
    // A client that goes away cancels its run.
    response.on('close', () => {
      if (!response.writableFinished) run.cancel();
    });
    send({ type: 'run', run_id: run.runId, session_id: session.id });
    let status: 'finished' | 'cancelled' = 'finished';
    // Messages are stored in order as the run adds them, each before the run goes on.
    let storedMessages = Promise.resolve();
    try {
      const result = await runChat({
        hub,
        messages: conversation,
        datasources: body.datasources,
        signal: run.signal,
        environment,
        ...(anthropic ? { anthropic } : {}),
        approve: (approval) => run.waitForApproval(approval),
        onMessage: (message) => {
          storedMessages = storedMessages.then(() =>
            store.appendMessages({ sessionId: session.id, messages: [message] }),
          );
          return storedMessages;
        },
        onEvent: (event) => {
          events.push(event);
          observe?.(event);
          if (event.type === 'tool_call_started' || event.type === 'approval_required')
            toolArguments.set(event.id, event.arguments);
          if (event.type === 'tool_call_finished') {
            void store
              .recordToolCall({
                id: event.id,
                sessionId: session.id,
                runId: run.runId,
                owner,
                datasource: event.datasource,
                tool: event.tool,
                arguments: toolArguments.get(event.id),
                status: event.status,
                durationMs: event.durationMs,
                summary: event.summary,
                result: event.result,
              })
              .catch((error: unknown) => request.log?.error({ err: error }, 'could not record a tool call'));
          }
          send(event);
        },
      });
      await storedMessages;
      if (result.stopReason === 'cancelled') status = 'cancelled';
      if (streaming) {
        response.end('event: end\ndata: {}\n\n');
      } else {
        const answer = events
          .filter((event) => event.type === 'text_delta')
          .map((event) => (event as { text: string }).text)
          .join('');
        response.json({ session_id: session.id, run_id: run.runId, answer, events });
      }
    } finally {
      await run.finish({ status });
    }
  });
  router.post('/approvals/:id', async (request, response) => {
    const body = z.object({ approve: z.boolean() }).parse(request.body);
    await runs.answer({ owner: request.owner!, approvalId: request.params.id, approve: body.approve });
    response.status(204).end();
  });
  router.post('/runs/:id/cancel', async (request, response) => {
    await runs.cancel({ owner: request.owner!, runId: request.params.id });
    response.status(204).end();
  });
  return router;
}
