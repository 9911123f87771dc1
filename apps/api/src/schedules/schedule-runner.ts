import type Anthropic from '@anthropic-ai/sdk';
import type { ConnectorHub } from '@connectormcp/orchestrator';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { Alerts } from '../alerts/alerts.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';

/** One due (or manual) run of a schedule, as the queue hands it over. */
export interface ScheduleRunJob {
  scheduleId: string;
  /** The cron occurrence (ISO); for a manual run, the time it was asked for. */
  dueAt: string;
  trigger: 'schedule' | 'manual';
}

export interface ScheduleRunner {
  /**
   * Runs the schedule's saved item as its owner, once per (schedule, due time): records the run, its bounded
   * result, the difference from the previous run and its metrics, then has the alerts checked. Throws only
   * for a retryable failure when this is not the last attempt, so the queue retries with back-off.
   */
  run(job: ScheduleRunJob & { attempt: number; lastAttempt: boolean }): Promise<void>;
}

export function createScheduleRunner(_options: {
  database: Database;
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  alerts: Alerts;
  auditLog: AuditLog;
  settings: ScheduleSettings;
  logger: Logger;
  environment: Record<string, string | undefined>;
  anthropic?: Anthropic;
}): ScheduleRunner {
  // Placeholder until the runner lands (issue #17).
  return { run: async () => {} };
}
