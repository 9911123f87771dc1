// Starts the API: reads the configuration, opens the database and serves until SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { createConnectorHub } from '@connectormcp/orchestrator';
import { pino } from 'pino';
import { apiConfigFromEnvironment } from './api-config.js';
import { createApp } from './create-app.js';
import { createChatStore } from './database/chat-store.js';
import { openDatabase } from './database/open-database.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const config = apiConfigFromEnvironment({ environment: process.env });
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { directory: config.dataDirectory },
);
const hub = createConnectorHub({ datasources: config.datasources });
const app = createApp({
  hub,
  store: createChatStore({ database }),
  logger,
  apiKeys: config.apiKeys,
  corsOrigins: config.corsOrigins,
  environment: process.env,
  webDirectory: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
const server = app.listen(config.port, config.host, () => {
  logger.info(
    `ConnectorMCP API on http://${config.host}:${config.port}${config.apiKeys.length === 0 ? ' (no API_KEYS: loopback only)' : ''}`,
  );
});
const shutdown = () => {
  server.close(() => void Promise.all([hub.close(), database.close()]).then(() => process.exit(0)));
  server.closeIdleConnections();
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
