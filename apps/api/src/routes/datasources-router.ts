import {
  datasourceExamples,
  defaultToolResultTokens,
  readToolError,
  toolResultForModel,
  type ConnectorHub,
} from '@connectormcp/orchestrator';
import { Router, type Request } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  toolRunRequestSchema,
  type ConnectionTest,
  type DatasourcesResponse,
  type JsonSchema,
  type ToolContentBlock,
  type ToolRunResponse,
} from '../contracts/index.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';

/**
 * Datasources, their health and tools, a connection test, and the tool explorer (read-only tools only): only
 * those the user may use; any other is not found, exactly like an unknown id.
 */
export function datasourcesRouter({
  hub,
  registry,
  auditLog,
}: {
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  /** Records each explorer run (who ran which tool with which arguments). */
  auditLog?: AuditLog;
}): Router {
  const router = Router();
  const find = async (request: Request, id: string) => {
    await registry.sync();
    const datasource = registry.usable(actingUser(request)).find((candidate) => candidate.config.id === id)?.config;
    if (!datasource) throw new ApiError({ status: 404, code: 'not_found', message: `No datasource ${id}.` });
    return datasource;
  };
  router.get('/', async (request, response) => {
    await registry.sync();
    const datasources = registry.usable(actingUser(request)).map((entry) => entry.config);
    const { tools } = await hub.tools({ datasourceIds: datasources.map((datasource) => datasource.id) });
    const body: DatasourcesResponse = {
      datasources: datasources.map((datasource) => {
        const own = tools.filter((tool) => tool.datasourceId === datasource.id);
        return {
          id: datasource.id,
          name: datasource.name,
          kind: datasource.kind ?? null,
          // The source's own health, not whether its connector process runs.
          health: hub.health(datasource.id),
          writes: own.some((tool) => !tool.readOnly),
          examples: datasourceExamples({ datasource }),
          tools: own.map((tool) => ({
            name: tool.tool.name,
            title: tool.tool.title ?? tool.tool.annotations?.title ?? tool.tool.name,
            description: tool.tool.description ?? '',
            readOnly: tool.readOnly,
            inputSchema: tool.tool.inputSchema as JsonSchema,
            outputSchema: (tool.tool.outputSchema as JsonSchema | undefined) ?? null,
          })),
        };
      }),
    };
    response.json(body);
  });
  router.get('/:id/test', async (request, response) => {
    await find(request, request.params.id);
    const body: ConnectionTest = await hub.test(request.params.id);
    response.json(body);
  });
  router.post('/:id/tools/:tool', async (request, response) => {
    const datasource = await find(request, request.params.id);
    const body = toolRunRequestSchema.parse(request.body ?? {});
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
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    const started = performance.now();
    const result: Awaited<ReturnType<ConnectorHub['callTool']>> = await hub
      .callTool({
        datasourceId: datasource.id,
        name: tool.tool.name,
        arguments: body.arguments,
        signal: controller.signal,
      })
      .catch((error: unknown) => ({
        // The connector itself failed (it crashed, or the call timed out): a failed result, as the model would get.
        isError: true,
        content: [
          { type: 'text' as const, text: `The ${datasource.name} connector failed: ${(error as Error).message}` },
        ],
      }));
    const answer: ToolRunResponse = {
      content: result.content as ToolContentBlock[],
      ...(result.structuredContent !== undefined ? { structuredContent: result.structuredContent } : {}),
      isError: result.isError === true,
      durationMs: Math.round(performance.now() - started),
      errorCode: readToolError({ result })?.code ?? null,
      // The same budget a chat gives a tool result: exactly what the model would read.
      modelText: toolResultForModel({ result, tokenBudget: defaultToolResultTokens }).text,
      outputSchema: (tool.tool.outputSchema as JsonSchema | undefined) ?? null,
    };
    await auditLog?.record({
      actor: actingUser(request),
      action: 'tool_call',
      datasource: datasource.id,
      tool: tool.tool.name,
      arguments: body.arguments,
      status: answer.isError ? 'error' : 'ok',
      durationMs: answer.durationMs,
      detail: { via: 'explorer' },
    });
    response.json(answer);
  });
  return router;
}
