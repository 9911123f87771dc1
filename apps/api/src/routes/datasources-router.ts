import type { ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import { z } from 'zod';
import { ApiError } from '../api-error.js';

const toolBody = z.object({ arguments: z.record(z.string(), z.unknown()).default({}) });

/** Datasources, their status and tools, a connection test, and the tool explorer (read-only tools only). */
export function datasourcesRouter({ hub }: { hub: ConnectorHub }): Router {
  const router = Router();
  const find = (id: string) => {
    const datasource = hub.datasources().find((candidate) => candidate.id === id && candidate.enabled);
    if (!datasource) throw new ApiError({ status: 404, code: 'not_found', message: `No datasource ${id}.` });
    return datasource;
  };
  router.get('/', async (_request, response) => {
    const datasources = hub.datasources().filter((datasource) => datasource.enabled);
    const { tools, failures } = await hub.tools({ datasourceIds: datasources.map((datasource) => datasource.id) });
    response.json({
      datasources: datasources.map((datasource) => {
        const own = tools.filter((tool) => tool.datasourceId === datasource.id);
        const failure = failures.find((entry) => entry.datasourceId === datasource.id);
        return {
          id: datasource.id,
          name: datasource.name,
          kind: datasource.kind ?? null,
          status: failure ? 'error' : hub.status(datasource.id).state,
          error: failure?.error ?? null,
          writes: own.some((tool) => !tool.readOnly),
          tools: own.map((tool) => ({
            name: tool.tool.name,
            title: tool.tool.title ?? tool.tool.name,
            read_only: tool.readOnly,
            input_schema: tool.tool.inputSchema,
          })),
        };
      }),
    });
  });
  router.get('/:id/test', async (request, response) => {
    find(request.params.id);
    response.json(await hub.test(request.params.id));
  });
  router.post('/:id/tools/:tool', async (request, response) => {
    const datasource = find(request.params.id);
    const { tools } = await hub.tools({ datasourceIds: [datasource.id] });
    const tool = tools.find((candidate) => candidate.tool.name === request.params.tool);
    if (!tool)
      throw new ApiError({
        status: 404,
        code: 'not_found',
        message: `${datasource.name} has no tool ${request.params.tool}.`,
      });
    // The explorer runs tools without a model or an approval step, so only tools that cannot change anything.
    if (!tool.readOnly)
      throw new ApiError({
        status: 403,
        code: 'write_tool',
        message: `${tool.tool.name} changes data; run it from the chat, where it asks for approval.`,
      });
    const body = toolBody.parse(request.body ?? {});
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    const started = performance.now();
    const result = await hub.callTool({
      datasourceId: datasource.id,
      name: tool.tool.name,
      arguments: body.arguments,
      signal: controller.signal,
    });
    response.json({ ...result, duration_ms: Math.round(performance.now() - started) });
  });
  return router;
}
