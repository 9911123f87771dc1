import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import type { ChatStore } from '../database/chat-store.js';
import type { RunStore } from '../database/run-store.js';

const createBody = z.object({
  title: z.string().min(1).max(200).default('New chat'),
  datasources: z.array(z.string()).max(20).default([]),
});
const renameBody = z.object({ title: z.string().min(1).max(200) });

export function sessionsRouter({ store, runStore }: { store: ChatStore; runStore: RunStore }): Router {
  const router = Router();
  const notFound = (id: string) => new ApiError({ status: 404, code: 'not_found', message: `No session ${id}.` });
  router.get('/', async (request, response) => {
    response.json({ sessions: await store.listSessions({ owner: request.owner! }) });
  });
  router.post('/', async (request, response) => {
    const body = createBody.parse(request.body ?? {});
    response
      .status(201)
      .json(await store.createSession({ owner: request.owner!, title: body.title, datasources: body.datasources }));
  });
  router.get('/:id', async (request, response) => {
    const session = await store.getSession({ owner: request.owner!, id: request.params.id });
    if (!session) throw notFound(request.params.id);
    response.json({
      ...session,
      messages: await store.messages({ sessionId: session.id }),
      tool_calls: await store.toolCalls({ sessionId: session.id }),
      // Tells a client whether the last answer is still coming, ended, or was cut off by a restart.
      latest_run: (await runStore.latestRun({ sessionId: session.id })) ?? null,
    });
  });
  router.patch('/:id', async (request, response) => {
    const body = renameBody.parse(request.body);
    if (!(await store.renameSession({ owner: request.owner!, id: request.params.id, title: body.title })))
      throw notFound(request.params.id);
    response.json(await store.getSession({ owner: request.owner!, id: request.params.id }));
  });
  router.delete('/:id', async (request, response) => {
    if (!(await store.deleteSession({ owner: request.owner!, id: request.params.id })))
      throw notFound(request.params.id);
    response.status(204).end();
  });
  return router;
}
