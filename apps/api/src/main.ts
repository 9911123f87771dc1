// Starts the API: reads the configuration, opens the database and serves until SIGINT/SIGTERM, then
// drains: no new connections, running chats get SHUTDOWN_GRACE_MS to finish, the rest are cancelled (what
// they produced is stored), then connectors and the database close.
import { fileURLToPath } from 'node:url';
import { createConnectorHub } from '@connectormcp/orchestrator';
import { pino } from 'pino';
import { apiConfigFromEnvironment } from './api-config.js';
import { createApp } from './create-app.js';
import { createChatStore } from './database/chat-store.js';
import { openDatabase } from './database/open-database.js';
import { createRunStore } from './database/run-store.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
let config: ReturnType<typeof apiConfigFromEnvironment>;
try {
  config = apiConfigFromEnvironment({ environment: process.env });
} catch (error) {
  // A configuration mistake is the operator's to fix: one line saying what, not a stack trace.
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { directory: config.dataDirectory },
);
const runStore = createRunStore({ database });
// The embedded database has one process: any run still marked running was cut off. A shared PostgreSQL
// has other instances' live runs too, so only runs whose heartbeat stopped count.
const interrupted = await runStore.markInterrupted({ staleAfterSeconds: config.databaseUrl ? 30 : 0 });
if (interrupted > 0)
  logger.warn(`${interrupted} chat run(s) were interrupted by a previous stop; their sessions go on`);
const hub = createConnectorHub({
  datasources: config.datasources,
  healthCheckIntervalMs: config.healthCheckIntervalMs,
});
// Health is checked from the start, so the first page already shows which sources are down.
hub.startHealthChecks();
const app = createApp({
  hub,
  store: createChatStore({ database }),
  runStore,
  database,
  auth: {
    ...(config.oidc ? { oidc: config.oidc } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    sessionMaxAgeHours: config.sessionMaxAgeHours,
  },
  secretKeys: config.secretKeys,
  // A secret key may be generated beside the embedded database; PostgreSQL instances must share a set key.
  ...(config.databaseUrl ? {} : { dataDirectory: config.dataDirectory }),
  fileDatasources: config.datasources,
  auditRetentionDays: config.auditRetentionDays,
  logger,
  apiKeys: config.apiKeys,
  allowedHosts: config.allowedHosts,
  corsOrigins: config.corsOrigins,
  environment: process.env,
  rateLimitPerMinute: config.rateLimitPerMinute,
  schedules: config.schedules,
  webDirectory: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error) {
    // Express 5 hands a listen failure (port taken, address not local) to this callback; without an exit
    // here the process would end with code 0 and the sandbox or a supervisor would think it stopped cleanly.
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (set PORT to another port)`
        : code === 'EADDRNOTAVAIL'
          ? `${config.host} is not an address of this machine (HOST)`
          : error.message;
    process.stderr.write(`error: cannot listen: ${reason}\n`);
    // Background work (retention, datasource loading) stops before the database closes under it.
    void app
      .drain({ graceMs: 0 })
      .finally(() => Promise.allSettled([hub.close(), database.close()]))
      .then(() => process.exit(1));
    return;
  }
  logger.info(
    `ConnectorMCP API on http://${config.host}:${config.port}${config.apiKeys.length === 0 ? ' (no API_KEYS: loopback only)' : ''}`,
  );
});
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: draining (up to ${config.shutdownGraceMs} ms for running chats)`);
  // Stop accepting; idle keep-alive sockets close now, streams end as their runs end.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await app.drain({ graceMs: config.shutdownGraceMs });
  server.closeAllConnections();
  await closed;
  await Promise.allSettled([hub.close(), database.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
