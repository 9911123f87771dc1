import { runToolCall, type ChatEvent, type ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import { toolCallRequestSchema } from '../contracts/index.js';
import type { ChatStore } from '../database/chat-store.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import type { RunRegistry } from '../run-registry.js';
import { serveRun } from '../serve-run.js';
import { assertKnownDatasources } from './assert-known-datasources.js';

/**
 * `POST /api/chat/sessions/:sessionId/tool-calls`: one tool call without the model (edit and re-run from a
 * tool card), streamed like a chat run. Read-only tools run at once; any other waits for a human's answer
 * through the approvals endpoint, exactly as in a chat. The call is stored as a run of the session.
 */
export function toolCallsRouter({
  hub,
  registry,
  store,
  runs,
  onEvent: observe,
}: {
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  store: ChatStore;
  runs: RunRegistry;
  onEvent?: (event: ChatEvent) => void;
}): Router {
  const router = Router({ mergeParams: true });
  router.post('/', async (request, response) => {
    const owner = request.owner!;
    const sessionId = (request.params as { sessionId: string }).sessionId;
    const body = toolCallRequestSchema.parse(request.body);
    await registry.sync();
    assertKnownDatasources({ registry, user: actingUser(request), ids: [body.datasource] });
    const session = await store.getSession({ owner, id: sessionId });
    if (!session) throw new ApiError({ status: 404, code: 'not_found', message: `No session ${sessionId}.` });
    // A tool the connector does not have is the request's mistake; a datasource that is down is the run's news.
    const { tools, failures } = await hub.tools({ datasourceIds: [body.datasource] });
    if (failures.length === 0 && !tools.some((tool) => tool.tool.name === body.tool))
      throw new ApiError({ status: 404, code: 'not_found', message: `${body.datasource} has no tool ${body.tool}.` });

    await serveRun({
      request,
      response,
      runs,
      store,
      owner,
      sessionId: session.id,
      kind: 'tool_call',
      question: null,
      ...(observe ? { observe } : {}),
      execute: ({ signal, approve, onEvent }) =>
        runToolCall({
          hub,
          datasourceId: body.datasource,
          tool: body.tool,
          arguments: body.arguments,
          signal,
          approve,
          onEvent,
        }),
    });
  });
  return router;
}
