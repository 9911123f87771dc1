import { Router } from 'express';
import type { ScheduleSettings } from '../api-config.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { Scheduler } from '../schedules/scheduler.js';

/** `/api/schedules`: the caller's schedules and their runs. */
export function schedulesRouter(_options: {
  database: Database;
  scheduler: Scheduler;
  settings: ScheduleSettings;
  auditLog: AuditLog;
}): Router {
  // Placeholder until schedules land (issue #17).
  return Router();
}
