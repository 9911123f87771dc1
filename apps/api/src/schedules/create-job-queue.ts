import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../database/open-database.js';

/** pg-boss keeps its tables in a schema of its own, beside the app's. */
export const jobQueueSchema = 'pgboss';

/**
 * pg-boss over the app's database: on PostgreSQL with a small pool of its own (the app's pool serves the
 * API; workers, maintenance and polls get theirs), on the embedded database through the app's own
 * connection (PGlite has one), where `script` runs pg-boss's multi-statement blocks whole. Everything
 * after the adapter (queues, jobs, workers) is the same on both.
 */
export function createJobQueue({ database, runner }: { database: Database; runner: boolean }): PgBoss {
  const engine = database.engine;
  if (!engine) throw new Error('The job queue needs a PostgreSQL or embedded database (engine unknown).');
  const common = {
    schema: jobQueueSchema,
    // The app's schedules are chained jobs (see scheduler.ts), not pg-boss's cron: no cron pass to run.
    schedule: false,
    // Maintenance (expiring stuck jobs, deleting old ones) on the instances that work jobs.
    supervise: runner,
    instanceName: 'connectormcp-api',
  } as const;
  if (engine.kind === 'postgres')
    // Workers hold a connection only while fetching or settling, so a few cover every worker of an instance.
    return new PgBoss({
      ...common,
      connectionString: engine.connectionString,
      max: 4,
      application_name: 'connectormcp-queue',
    });
  const db = fromPglite({
    query: async (text, params) => ({ rows: await database.query(text, params) }),
    exec: (text) => engine.script(text),
  });
  return new PgBoss({ ...common, db, backend: 'pglite' });
}
