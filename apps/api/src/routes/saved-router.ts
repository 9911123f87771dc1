import type { ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  createSavedQuestionRequestSchema,
  createSavedToolCallRequestSchema,
  type SavedItem,
  type SavedItemsResponse,
} from '../contracts/index.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import { createSavedStore, type NewSavedItem } from '../schedules/saved-store.js';
import type { Scheduler } from '../schedules/scheduler.js';
import { assertKnownDatasources } from './assert-known-datasources.js';

/**
 * The body of `POST /api/saved` (createSavedRequestSchema), read as the kind its fields say, so a problem names
 * the field at fault rather than "no kind matched".
 */
function parseSavedBody(body: unknown) {
  const value: unknown = body ?? {};
  const question = typeof value === 'object' && value !== null && ('question' in value || 'datasources' in value);
  return question ? createSavedQuestionRequestSchema.parse(value) : createSavedToolCallRequestSchema.parse(value);
}

/** `/api/saved`: saved tool calls and questions of the caller. */
export function savedRouter({
  database,
  hub,
  registry,
  scheduler,
  auditLog,
}: {
  database: Database;
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  scheduler: Scheduler;
  auditLog: AuditLog;
}): Router {
  const router = Router();
  const saved = createSavedStore({ database });

  // A saved tool call re-runs later without a model or anyone to approve it: only a read-only tool qualifies.
  const assertReadOnlyTool = async ({ datasource, tool }: { datasource: string; tool: string }) => {
    const { tools, failures } = await hub.tools({ datasourceIds: [datasource] });
    if (failures.some((failure) => failure.datasourceId === datasource))
      throw new ApiError({
        status: 503,
        code: 'datasource_unavailable',
        message: `${datasource} is not available right now, so its tools cannot be checked; try again shortly.`,
      });
    const found = tools.find((candidate) => candidate.datasourceId === datasource && candidate.tool.name === tool);
    if (!found) throw new ApiError({ status: 404, code: 'not_found', message: `${datasource} has no tool ${tool}.` });
    if (!found.readOnly)
      throw new ApiError({
        status: 400,
        code: 'not_read_only',
        message: `Only read-only tools can be saved: ${tool} can change data, so it runs only from the chat, where it asks for approval.`,
      });
  };

  router.get('/', async (request, response) => {
    const body: SavedItemsResponse = { saved: await saved.list({ owner: actingUser(request).id }) };
    response.json(body);
  });

  router.post('/', async (request, response) => {
    const body = parseSavedBody(request.body);
    const user = actingUser(request);
    await registry.sync();
    let item: NewSavedItem;
    if ('tool' in body) {
      assertKnownDatasources({ registry, user, ids: [body.datasource] });
      await assertReadOnlyTool({ datasource: body.datasource, tool: body.tool });
      item = {
        kind: 'tool_call',
        name: body.name,
        datasource: body.datasource,
        tool: body.tool,
        arguments: body.arguments,
      };
    } else {
      assertKnownDatasources({ registry, user, ids: body.datasources });
      item = {
        kind: 'question',
        name: body.name,
        question: body.question,
        datasources: [...new Set(body.datasources)],
      };
    }
    const created: SavedItem = await saved.create({ owner: user.id, item });
    await auditLog.record({
      actor: user,
      action: 'saved_create',
      status: 'ok',
      ...(created.kind === 'tool_call'
        ? { datasource: created.datasource, tool: created.tool, arguments: created.arguments }
        : {}),
      detail: {
        saved_id: created.id,
        kind: created.kind,
        name: created.name,
        ...(created.kind === 'question' ? { datasources: created.datasources } : {}),
      },
    });
    response.status(201).json(created);
  });

  router.delete('/:id', async (request, response) => {
    const user = actingUser(request);
    const deleted = await saved.delete({ owner: user.id, id: request.params.id });
    if (!deleted)
      throw new ApiError({ status: 404, code: 'not_found', message: `No saved item ${request.params.id}.` });
    // After the rows are gone: a run the queue starts meanwhile finds no schedule and does nothing.
    await Promise.all(deleted.scheduleIds.map((scheduleId) => scheduler.unregister({ scheduleId })));
    await auditLog.record({
      actor: user,
      action: 'saved_delete',
      status: 'ok',
      detail: { saved_id: request.params.id, schedule_ids: deleted.scheduleIds },
    });
    response.status(204).end();
  });
  return router;
}
