import type Anthropic from '@anthropic-ai/sdk';
import { runChat, type ChatEvent, type ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import { chatMessageRequestSchema } from '../contracts/index.js';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { ChatStore } from '../database/chat-store.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import { repairHistory } from '../repair-history.js';
import type { RunRegistry } from '../run-registry.js';
import { serveRun } from '../serve-run.js';
import { assertKnownDatasources } from './assert-known-datasources.js';

export interface ChatRouterOptions {
  hub: ConnectorHub;
  /** The datasources and who may use them; synced before each request reads them. */
  registry: DatasourceRegistry;
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
 * before the run starts, and each message the run adds and each tool call as they happen; the run itself
 * is stored with its question, its tokens and cost and the error that ended it.
 */
export function chatRouter({
  hub,
  registry,
  store,
  runs,
  anthropic,
  environment,
  onEvent: observe,
}: ChatRouterOptions): Router {
  const router = Router();
  router.post('/message', async (request, response) => {
    const owner = request.owner!;
    const body = chatMessageRequestSchema.parse(request.body);
    await registry.sync();
    // The orchestrator is only given datasources this user may use: it offers the model no other tools.
    assertKnownDatasources({ registry, user: actingUser(request), ids: body.datasources });
    const datasources = [...new Set(body.datasources)];
    // The selection belongs to the chat: what was asked with is what the chat keeps.
    const userMessage: Anthropic.MessageParam = { role: 'user', content: body.message };
    // The question is stored before anything else happens: once acknowledged, it survives any crash. A new
    // chat stores it with the session in one statement and has no history to read.
    const session = body.sessionId
      ? await store.updateSession({ owner, id: body.sessionId, datasources })
      : await store.createSession({ owner, title: body.message.slice(0, 80), datasources, firstMessage: userMessage });
    if (!session) throw new ApiError({ status: 404, code: 'not_found', message: `No session ${body.sessionId}.` });
    let stored: Anthropic.MessageParam[] = [];
    if (body.sessionId) {
      stored = (await store.messages({ sessionId: session.id })).map(
        (message) => ({ role: message.role, content: message.content }) as Anthropic.MessageParam,
      );
      await store.appendMessages({ sessionId: session.id, messages: [userMessage] });
    }
    const conversation = repairHistory({ messages: [...stored, userMessage] });

    // Messages are stored in order as the run adds them, each before the run goes on.
    let storedMessages = Promise.resolve();
    await serveRun({
      request,
      response,
      runs,
      store,
      owner,
      sessionId: session.id,
      kind: 'chat',
      question: body.message,
      ...(observe ? { observe } : {}),
      execute: async ({ signal, approve, onEvent }) => {
        const result = await runChat({
          hub,
          messages: conversation,
          datasources,
          signal,
          environment,
          ...(anthropic ? { anthropic } : {}),
          approve,
          onMessage: (message) => {
            storedMessages = storedMessages.then(() =>
              store.appendMessages({ sessionId: session.id, messages: [message] }),
            );
            return storedMessages;
          },
          onEvent,
        });
        await storedMessages;
        return result;
      },
    });
  });
  router.post('/runs/:id/cancel', async (request, response) => {
    await runs.cancel({ owner: request.owner!, runId: request.params.id });
    response.status(204).end();
  });
  return router;
}
