import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import type { ConnectorHub } from '@connectormcp/orchestrator';
import express, { type Express } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { ApiError } from './api-error.js';
import {
  scheduleSettingsFromEnvironment,
  type ApiConfig,
  type OidcSettings,
  type ScheduleSettings,
} from './api-config.js';
import { createAlerts, type Alerts } from './alerts/alerts.js';
import { datasourceApprovalPermission } from './approvals/datasource-approval-permission.js';
import { createAppSettingsStore } from './audit/app-settings.js';
import { createAuditLog } from './audit/audit-log.js';
import { requireAdmin } from './audit/require-admin.js';
import { createAuth } from './auth/create-auth.js';
import { redactRequest } from './auth/redact-request.js';
import { startAuditRetention } from './audit/start-audit-retention.js';
import type { ChatStore } from './database/chat-store.js';
import { createConnectorCatalog } from './datasources/connector-catalog.js';
import {
  createDatasourceRegistry,
  type DatasourceRegistry,
  type FileDatasource,
} from './datasources/datasource-registry.js';
import { createDatasourceStore } from './datasources/datasource-store.js';
import { createSecretBox, type SecretBox } from './datasources/secret-box.js';
import type { Database } from './database/open-database.js';
import type { RunStore } from './database/run-store.js';
import { createMetrics } from './create-metrics.js';
import { hostAndOriginCheck } from './middleware/host-and-origin-check.js';
import { errorHandler } from './middleware/error-handler.js';
import { adminAuditRouter } from './routes/admin-audit-router.js';
import { adminDatasourcesRouter } from './routes/admin-datasources-router.js';
import { adminSettingsRouter } from './routes/admin-settings-router.js';
import { approvalsRouter } from './routes/approvals-router.js';
import { chatRouter } from './routes/chat-router.js';
import { datasourcesRouter } from './routes/datasources-router.js';
import { sessionsRouter } from './routes/sessions-router.js';
import { savedRouter } from './routes/saved-router.js';
import { schedulesRouter } from './routes/schedules-router.js';
import { statusRouter } from './routes/status-router.js';
import { toolCallsRouter } from './routes/tool-calls-router.js';
import { createRunRegistry } from './run-registry.js';
import { createScheduleRunner } from './schedules/schedule-runner.js';
import { createScheduler, type Scheduler } from './schedules/scheduler.js';
import { startRunRetention } from './schedules/start-run-retention.js';
import { serveWebApp } from './serve-web-app.js';

export interface AppOptions {
  /** The built web app (apps/web/dist) to serve at /, when present. */
  webDirectory?: string;
  hub: ConnectorHub;
  store: ChatStore;
  /** Runs and approvals, shared by every instance on the same database. */
  runStore: RunStore;
  /** The database behind the stores: users, sessions, API keys, datasources managed in the app, the audit log. */
  database: Database;
  /** Sign-in with OpenID Connect and its sessions; without `oidc` the local user (or API_KEYS) is who asks. */
  auth?: { oidc?: OidcSettings; publicUrl?: string; sessionMaxAgeHours?: number };
  /** Keys that encrypt the secrets of datasources managed in the app. */
  secretKeys?: ApiConfig['secretKeys'];
  /** The embedded database's directory: without a secret key, one is generated there (never on PostgreSQL). */
  dataDirectory?: string;
  /** Encrypts secrets at rest; built from `secretKeys` (and `dataDirectory`) when not given. */
  secretBox?: SecretBox;
  /** Datasources of the config file and who may use them; by default the hub's datasources at creation, open to all. */
  fileDatasources?: FileDatasource[];
  /** The datasources of the file and of the app; built from the database, the hub and the secret box when not given. */
  registry?: DatasourceRegistry;
  /** Default retention of the audit log in days (admins can change it in the app). */
  auditRetentionDays?: number;
  logger: Logger;
  apiKeys: string[];
  /** Names accepted in `Host` and as `Origin` hosts (see `apiConfigFromEnvironment`); loopback names by default. */
  allowedHosts?: string[];
  corsOrigins: string[];
  environment: Record<string, string | undefined>;
  anthropic?: Anthropic;
  /** Requests per minute per API key (or address without keys); default 300. */
  rateLimitPerMinute?: number;
  /** Schedules, their runs and alerts; the defaults of `scheduleSettingsFromEnvironment` for what is not given. */
  schedules?: Partial<ScheduleSettings>;
}

export type ApiApp = Express & {
  /** For graceful shutdown: lets running chats finish for `graceMs`, then cancels the rest. */
  drain(options: { graceMs: number }): Promise<void>;
  /** The job queue of schedules and alert deliveries (started with the app). */
  scheduler: Scheduler;
  alerts: Alerts;
};

/** The Express app: routing, validation, auth; chat logic lives in the orchestrator. */
export function createApp({
  hub,
  store,
  runStore,
  database,
  auditRetentionDays = 365,
  secretKeys = { previous: [] },
  dataDirectory,
  fileDatasources,
  secretBox: givenSecretBox,
  registry: givenRegistry,
  auth,
  logger,
  apiKeys,
  allowedHosts,
  corsOrigins,
  environment,
  anthropic,
  rateLimitPerMinute = 300,
  webDirectory,
  schedules,
}: AppOptions): ApiApp {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Model output is untrusted: an injected instruction could make it write an image URL that
          // carries data away. Images load only from the app itself; the web app holds others back too.
          // blob: URLs can only be made by the page's own scripts (S3 image previews from a tool's bytes).
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          // The app is also served over plain HTTP on private networks, where upgrading would break it.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      // Credentials never reach a log line: keys, cookies, CSRF tokens, the sign-in redirects' state and
      // the callback's authorization code (redactRequest).
      redact: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'res.headers.location',
      ],
      serializers: { req: redactRequest },
    }),
  );
  // Before everything that reads a body or answers: a page served by DNS rebinding, or from another site,
  // reaches no route, stream or file, whether or not API keys are in use.
  app.use(hostAndOriginCheck({ logger, corsOrigins, ...(allowedHosts ? { allowedHosts } : {}) }));
  app.use((request, response, next) => {
    const origin = request.headers.origin;
    if (origin && corsOrigins.includes(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
      response.setHeader('access-control-allow-headers', 'authorization, content-type, x-api-key, x-csrf-token');
      response.setHeader('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
      if (request.method === 'OPTIONS') return void response.status(204).end();
    }
    next();
  });
  const metrics = createMetrics();
  app.use(metrics.middleware);
  app.use(express.json({ limit: '256kb' }));
  app.get('/healthz', (_request, response) => void response.json({ status: 'ok' }));
  app.get('/readyz', async (_request, response) => {
    await store.listSessions({ owner: '__readiness__' });
    response.json({ status: 'ready' });
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const secretBox =
    givenSecretBox ??
    createSecretBox({
      keys: secretKeys,
      ...(dataDirectory ? { dataDirectory } : {}),
      allowGenerated: dataDirectory !== undefined,
      onGeneratedKey: (path) =>
        logger.warn(
          `no CONNECTORMCP_SECRET_KEY: generated a key for datasource secrets in ${path}; back it up with the data, or set CONNECTORMCP_SECRET_KEY`,
        ),
    });
  const registry =
    givenRegistry ??
    createDatasourceRegistry({
      database,
      hub,
      fileDatasources: fileDatasources ?? hub.datasources(),
      secretBox,
      mode: auth?.oidc ? 'oidc' : apiKeys.length > 0 ? 'api_keys' : 'local',
      logger,
    });
  // Datasources added in the app start their connectors and health checks now, not on the first request.
  let draining = false;
  const initialLoad = registry.sync().catch((error: unknown) => {
    // Stopping at once (a port already taken) may close the database under it: no news then.
    if (!draining) logger.warn({ err: error }, 'could not load the datasources added in the app');
  });
  const auditLog = createAuditLog({ database, logger });
  const settings = createAppSettingsStore({ database, defaultAuditRetentionDays: auditRetentionDays });
  const auditRetention = startAuditRetention({ auditLog, settings, logger });
  const runs = createRunRegistry({
    runStore,
    auditLog,
    canDecide: datasourceApprovalPermission({
      findAccess: async (datasourceId) => {
        await registry.sync();
        return registry.find(datasourceId)?.access;
      },
      mode: registry.mode,
    }),
  });
  const scheduleSettings: ScheduleSettings = {
    ...scheduleSettingsFromEnvironment({ environment: {} }),
    ...schedules,
  };
  const runRetention = startRunRetention({ database, settings: scheduleSettings, logger });
  // The queue and the alerts hand work to each other (a run fires an alert, whose delivery is a queued job);
  // the queue calls them only once started, below, when all three exist.
  const scheduler = createScheduler({
    database,
    logger,
    settings: scheduleSettings,
    runSchedule: (job) => scheduleRunner.run(job),
    deliverAlert: (job) => alerts.deliver(job),
  });
  const alerts = createAlerts({
    database,
    secretBox,
    auditLog,
    settings: scheduleSettings,
    allowPrivateNetworks: scheduleSettings.webhookAllowPrivateNetworks || registry.mode === 'local',
    logger,
    enqueueDelivery: (job) => scheduler.enqueueDelivery(job),
  });
  const scheduleRunner = createScheduleRunner({
    database,
    hub,
    registry,
    alerts,
    auditLog,
    settings: scheduleSettings,
    logger,
    environment,
    ...(anthropic ? { anthropic } : {}),
  });
  const schedulerStarted = scheduler.start().catch((error: unknown) => {
    if (!draining) logger.error({ err: error }, 'could not start the schedules queue; schedules will not run');
  });
  const authentication = createAuth({
    database,
    logger,
    apiKeys,
    oidc: auth?.oidc,
    publicUrl: auth?.publicUrl,
    sessionMaxAgeHours: auth?.sessionMaxAgeHours,
    secretBox,
    auditLog,
  });
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Per key when keys are in use: many users can share one address behind a proxy.
    // Without keys, per address (IPv6 per /56, so one host cannot dodge the limit by rotating addresses).
    keyGenerator: (request) => request.owner ?? ipKeyGenerator(request.ip ?? 'unknown'),
    handler: (_request, response) =>
      void response.status(429).json({
        error: { code: 'rate_limited', message: 'Too many requests; slow down and retry shortly.', details: null },
      }),
  });
  // Sign-in and its callback come before authentication (nobody is signed in yet), limited per address.
  app.use('/api/auth', limiter, authentication.authRouter);
  app.use('/api', authentication.authenticate, limiter);
  app.use('/api/me', authentication.meRouter);
  app.use('/api/admin', requireAdmin);
  app.use('/api/admin/users', authentication.adminUsersRouter);
  app.use('/api/status', statusRouter({ environment, hasAnthropicClient: Boolean(anthropic) }));
  app.use('/api', approvalsRouter({ runs }));
  app.use('/api/admin/audit', adminAuditRouter({ auditLog }));
  app.use('/api/admin/settings', adminSettingsRouter({ settings, auditLog }));
  app.use(
    '/api/admin',
    adminDatasourcesRouter({
      registry,
      store: createDatasourceStore({ database, secretBox }),
      hub,
      catalog: createConnectorCatalog({ logger }),
      auditLog,
    }),
  );
  app.use(
    '/api/chat/sessions/:sessionId/tool-calls',
    toolCallsRouter({ hub, registry, store, runs, onEvent: metrics.observe }),
  );
  app.use('/api/chat/sessions', sessionsRouter({ registry, store, runStore }));
  app.use(
    '/api/chat',
    chatRouter({
      hub,
      registry,
      store,
      runs,
      environment,
      onEvent: metrics.observe,
      ...(anthropic ? { anthropic } : {}),
    }),
  );
  app.use('/api/datasources', datasourcesRouter({ hub, registry, auditLog }));
  app.use('/api/saved', savedRouter({ database, hub, registry, scheduler, auditLog }));
  app.use('/api/schedules/:scheduleId/alerts', alerts.router());
  app.use('/api/schedules', schedulesRouter({ database, scheduler, settings: scheduleSettings, auditLog }));
  if (webDirectory && existsSync(join(webDirectory, 'index.html'))) app.use(serveWebApp({ webDirectory }));
  app.use((request, _response, next) =>
    next(new ApiError({ status: 404, code: 'not_found', message: `No route ${request.method} ${request.path}.` })),
  );
  app.use(errorHandler({ logger }));
  return Object.assign(app, {
    drain: async ({ graceMs }: { graceMs: number }) => {
      draining = true;
      auditRetention.stop();
      runRetention.stop();
      await initialLoad;
      await schedulerStarted;
      await Promise.all([runs.drain({ graceMs }), scheduler.stop({ graceMs })]);
      runs.close();
    },
    scheduler,
    alerts,
  });
}
