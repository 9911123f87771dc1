import { Router } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import {
  createSessionRequestSchema,
  updateSessionRequestSchema,
  type SessionDetail,
  type SessionsResponse,
  type SessionSummary,
} from '../contracts/index.js';
import type { ChatStore } from '../database/chat-store.js';
import type { RunStore } from '../database/run-store.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import { assertKnownDatasources } from './assert-known-datasources.js';

export function sessionsRouter({
  registry,
  store,
  runStore,
}: {
  registry: DatasourceRegistry;
  store: ChatStore;
  runStore: RunStore;
}): Router {
  const router = Router();
  const notFound = (id: string) => new ApiError({ status: 404, code: 'not_found', message: `No session ${id}.` });
  router.get('/', async (request, response) => {
    const body: SessionsResponse = { sessions: await store.listSessions({ owner: request.owner! }) };
    response.json(body);
  });
  router.post('/', async (request, response) => {
    const body = createSessionRequestSchema.parse(request.body ?? {});
    await registry.sync();
    assertKnownDatasources({ registry, user: actingUser(request), ids: body.datasources });
    const created: SessionSummary = await store.createSession({
      owner: request.owner!,
      title: body.title,
      datasources: body.datasources,
    });
    response.status(201).json(created);
  });
  router.get('/:id', async (request, response) => {
    const session = await store.getSession({ owner: request.owner!, id: request.params.id });
    if (!session) throw notFound(request.params.id);
    const runs = await runStore.runs({ sessionId: session.id });
    const detail: SessionDetail = {
      ...session,
      messages: await store.messages({ sessionId: session.id }),
      toolCalls: await store.toolCalls({ sessionId: session.id }),
      runs,
      // Tells a client whether the last answer is still coming, ended, failed, or was cut off by a restart.
      latestRun: runs.at(-1) ?? null,
    };
    response.json(detail);
  });
  router.patch('/:id', async (request, response) => {
    const body = updateSessionRequestSchema.parse(request.body);
    if (body.datasources) {
      await registry.sync();
      assertKnownDatasources({ registry, user: actingUser(request), ids: body.datasources });
    }
    const updated: SessionSummary | undefined = await store.updateSession({
      owner: request.owner!,
      id: request.params.id,
      ...(body.title !== undefined ? { title: body.title } : {}),
      // The selection is kept in the order given, once per datasource.
      ...(body.datasources !== undefined ? { datasources: [...new Set(body.datasources)] } : {}),
    });
    if (!updated) throw notFound(request.params.id);
    response.json(updated);
  });
  router.delete('/:id', async (request, response) => {
    if (!(await store.deleteSession({ owner: request.owner!, id: request.params.id })))
      throw notFound(request.params.id);
    response.status(204).end();
  });
  return router;
}
