import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ScheduleSettings } from '../api-config.js';
import { ApiError } from '../api-error.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  createScheduleRequestSchema,
  updateScheduleRequestSchema,
  type Schedule,
  type ScheduleRunDetail,
  type ScheduleRunsResponse,
  type SchedulesResponse,
} from '../contracts/index.js';
import type { Database } from '../database/open-database.js';
import { parseScheduleBody } from '../schedules/parse-schedule-body.js';
import { createScheduleRunStore } from '../schedules/schedule-run-store.js';
import { createScheduleStore } from '../schedules/schedule-store.js';
import type { Scheduler } from '../schedules/scheduler.js';

const runsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next_before` of the page before: a run id. */
  before: z.string().min(1).max(64).optional(),
});

/** `/api/schedules`: the caller's schedules and their runs. */
export function schedulesRouter({
  database,
  scheduler,
  settings,
  auditLog,
}: {
  database: Database;
  scheduler: Scheduler;
  settings: ScheduleSettings;
  auditLog: AuditLog;
}): Router {
  const router = Router();
  const runStore = createScheduleRunStore({ database });
  const schedules = createScheduleStore({ database, runStore });
  const notFound = (id: string) => new ApiError({ status: 404, code: 'not_found', message: `No schedule ${id}.` });
  // Another user's schedule is not found, exactly like an unknown id.
  const own = async (request: Request, id: string): Promise<Schedule> => {
    const schedule = await schedules.find({ owner: actingUser(request).id, id });
    if (!schedule) throw notFound(id);
    return schedule;
  };
  const register = (schedule: Pick<Schedule, 'id' | 'cron' | 'timezone' | 'paused'>) =>
    scheduler.register({
      schedule: { id: schedule.id, cron: schedule.cron, timezone: schedule.timezone, paused: schedule.paused },
    });

  router.get('/', async (request, response) => {
    const body: SchedulesResponse = { schedules: await schedules.list({ owner: actingUser(request).id }) };
    response.json(body);
  });

  router.post('/', async (request, response) => {
    const body = parseScheduleBody({ schema: createScheduleRequestSchema, body: request.body });
    const user = actingUser(request);
    const outcome = await schedules.create({
      owner: user.id,
      savedId: body.saved_id,
      cron: body.cron,
      timezone: body.timezone,
      paused: body.paused,
      limit: settings.schedulesPerUser,
    });
    if (outcome.status === 'unknown_saved')
      throw new ApiError({ status: 404, code: 'not_found', message: `No saved item ${body.saved_id}.` });
    if (outcome.status === 'too_many')
      throw new ApiError({
        status: 409,
        code: 'too_many_schedules',
        message: `You already have ${settings.schedulesPerUser} schedules, the most one user may have; delete one first.`,
      });
    try {
      await register(outcome.schedule);
    } catch (error) {
      // A schedule the queue does not know would never run: it is not kept.
      await schedules.delete({ owner: user.id, id: outcome.schedule.id });
      throw error;
    }
    await auditLog.record({
      actor: user,
      action: 'schedule_create',
      status: 'ok',
      detail: {
        schedule_id: outcome.schedule.id,
        saved_id: body.saved_id,
        cron: body.cron,
        timezone: body.timezone,
        paused: body.paused,
      },
    });
    const created: Schedule = await own(request, outcome.schedule.id);
    response.status(201).json(created);
  });

  router.get('/:id', async (request, response) => {
    const schedule: Schedule = await own(request, request.params.id);
    response.json(schedule);
  });

  router.patch('/:id', async (request, response) => {
    const body = parseScheduleBody({ schema: updateScheduleRequestSchema, body: request.body });
    const user = actingUser(request);
    const updated = await schedules.update({ owner: user.id, id: request.params.id, changes: body });
    if (!updated) throw notFound(request.params.id);
    // Paused or not, the queue follows the row: a paused schedule is taken off it.
    await register(updated);
    await auditLog.record({
      actor: user,
      action: 'schedule_update',
      status: 'ok',
      detail: { schedule_id: updated.id, changed: Object.keys(body), ...body },
    });
    const schedule: Schedule = await own(request, updated.id);
    response.json(schedule);
  });

  router.delete('/:id', async (request, response) => {
    const user = actingUser(request);
    if (!(await schedules.delete({ owner: user.id, id: request.params.id }))) throw notFound(request.params.id);
    await scheduler.unregister({ scheduleId: request.params.id });
    await auditLog.record({
      actor: user,
      action: 'schedule_delete',
      status: 'ok',
      detail: { schedule_id: request.params.id },
    });
    response.status(204).end();
  });

  router.post('/:id/run', async (request, response) => {
    const schedule = await own(request, request.params.id);
    // A paused schedule runs too: "Run now" is asked for explicitly.
    const { dueAt } = await scheduler.runNow({ scheduleId: schedule.id });
    await auditLog.record({
      actor: actingUser(request),
      action: 'schedule_run_now',
      status: 'ok',
      detail: { schedule_id: schedule.id, due_at: dueAt },
    });
    response.status(202).json({ due_at: dueAt });
  });

  router.get('/:id/runs', async (request, response) => {
    const query = runsQuerySchema.parse(request.query);
    const schedule = await own(request, request.params.id);
    const page = await runStore.list({ scheduleId: schedule.id, limit: query.limit, before: query.before });
    if (!page)
      throw new ApiError({
        status: 400,
        code: 'invalid_cursor',
        message: `No run ${query.before} in this schedule to page from.`,
        details: [{ path: 'before', message: 'not a run of this schedule' }],
      });
    const body: ScheduleRunsResponse = page;
    response.json(body);
  });

  router.get('/:id/runs/:runId', async (request, response) => {
    const schedule = await own(request, request.params.id);
    const detail: ScheduleRunDetail | undefined = await runStore.detail({
      scheduleId: schedule.id,
      runId: request.params.runId,
    });
    if (!detail) throw new ApiError({ status: 404, code: 'not_found', message: `No run ${request.params.runId}.` });
    response.json(detail);
  });
  return router;
}
