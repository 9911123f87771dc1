import type { ConnectorHub } from '@connectormcp/orchestrator';
import { Router } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import type { Scheduler } from '../schedules/scheduler.js';

/** `/api/saved`: saved tool calls and questions of the caller. */
export function savedRouter(_options: {
  database: Database;
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  scheduler: Scheduler;
  auditLog: AuditLog;
}): Router {
  // Placeholder until saved items land (issue #17).
  return Router();
}
