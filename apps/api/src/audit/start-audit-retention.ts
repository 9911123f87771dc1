import type { Logger } from 'pino';
import { startPeriodicTask } from '../start-periodic-task.js';
import type { AppSettingsStore } from './app-settings.js';
import type { AuditLog } from './audit-log.js';

export interface AuditRetention {
  /** One pass: deletes entries older than the retention setting; resolves to how many went. */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Deletes audit entries past the retention setting at start and then every `intervalMs` (an hour). The timer
 * does not keep the process alive. Several instances may run it at once: the deletion is idempotent.
 */
export function startAuditRetention({
  auditLog,
  settings,
  logger,
  intervalMs = 60 * 60 * 1000,
}: {
  auditLog: AuditLog;
  settings: AppSettingsStore;
  logger?: Logger;
  intervalMs?: number;
}): AuditRetention {
  const runOnce = async () => {
    const { auditRetentionDays } = await settings.get();
    const deleted = await auditLog.deleteOlderThan({ days: auditRetentionDays });
    if (deleted > 0) logger?.info(`audit log: deleted ${deleted} entries older than ${auditRetentionDays} days`);
    return deleted;
  };
  return startPeriodicTask({
    run: runOnce,
    intervalMs,
    logger,
    failureMessage: 'audit log: could not delete old entries',
  });
}
