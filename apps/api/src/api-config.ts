import { readFileSync } from 'node:fs';
import { createHostOriginPolicy, resolveAllowedHosts } from '@connectormcp/connector-kit/host-origin-guard';
import { datasourceConfigSchema, type DatasourceConfigInput } from '@connectormcp/orchestrator';
import { z } from 'zod';
import type { DatasourceAccess } from './access/datasource-access.js';
import { parseSecretKey } from './datasources/secret-box.js';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export interface ApiConfig {
  port: number;
  host: string;
  apiKeys: string[];
  /** Host names accepted in `Host` (and as `Origin` hosts): loopback names, the bind address, ALLOWED_HOSTS. */
  allowedHosts: string[];
  corsOrigins: string[];
  dataDirectory: string;
  /** PostgreSQL shared by API instances; the embedded database in dataDirectory when unset. */
  databaseUrl?: string;
  /** The config file's datasources, with who may use them and approve their writes. */
  datasources: Array<DatasourceConfigInput & { access?: DatasourceAccess }>;
  /** Requests per minute per API key (or address without keys). */
  rateLimitPerMinute: number;
  /** How long running chats may go on after SIGTERM before they are cancelled. */
  shutdownGraceMs: number;
  /** How often each datasource's connector checks its source (its health in `GET /api/datasources`). */
  healthCheckIntervalMs: number;
  /** The address people open (`https://chat.example.com`): sign-in redirects and cookies are built from it. */
  publicUrl?: string;
  /** Sign-in with OpenID Connect, when OIDC_ISSUER is set; otherwise the local user (or API_KEYS) is used. */
  oidc?: OidcSettings;
  /** How long a browser session lasts at most, in hours. */
  sessionMaxAgeHours: number;
  /** Keys for the secrets of datasources managed in the app (see secret-box.ts). */
  secretKeys: { current?: string; previous: string[] };
  /** Audit entries older than this many days are deleted (an admin can change it in the app). */
  auditRetentionDays: number;
  /** Saved questions' schedules, their runs and alerts. */
  schedules: ScheduleSettings;
}

export interface ScheduleSettings {
  /** Whether this instance runs due schedules (every instance serves the API either way). */
  runner: boolean;
  /** Tokens (input, cache reads and writes, output) one run of a saved question may use in all; the run stops when it is spent. */
  questionTokenLimit: number;
  /** Runs older than this many days are deleted. */
  runRetentionDays: number;
  /** At most this many runs are kept per schedule (the newest). */
  runsKeptPerSchedule: number;
  /** How many schedules one user may have. */
  schedulesPerUser: number;
  /** Retries of a run after a retryable failure (a source that is down), with doubling delays. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Where alert emails go out (`smtp://user:pass@host:587`, `smtps://…`); no email alerts without it. */
  smtp?: { url: string; from: string };
  /** Webhooks to private, loopback and link-local addresses; off unless set (always on in local mode). */
  webhookAllowPrivateNetworks: boolean;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  scopes: string[];
  /** The ID token or userinfo claim that lists the user's groups. */
  groupsClaim: string;
  /** Members of these groups are admins. */
  adminGroups: string[];
  /** When not empty, only members of these groups may sign in. */
  allowedGroups: string[];
}

function positiveInteger({ name, value, fallback }: { name: string; value: string | undefined; fallback: number }) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name}: expected a whole number, got "${value}"`);
  return number;
}

const accessGroupsSchema = z.array(z.string().min(1).max(200)).nullable().default(null);

/** A datasource of the file: the orchestrator's config, plus who may use it (groups from sign-in). */
export const fileDatasourceSchema = datasourceConfigSchema.extend({
  access: z
    .object({
      use: accessGroupsSchema.describe('Groups whose members may use it; null or absent: everyone.'),
      approve: accessGroupsSchema.describe("Groups whose members may approve its writes; null: the run's owner."),
    })
    .optional()
    .describe('Who may use the datasource and approve its writes (when people sign in).'),
});

export const configFileSchema = z.object({
  datasources: z
    .array(fileDatasourceSchema)
    .default([])
    .describe('Datasources the chat can use; the sandbox is used when empty.'),
});

/** Reads the API's settings from the environment and, when given, `connectormcp.config.json`. */
export function apiConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): ApiConfig {
  const apiKeys = list(environment.API_KEYS);
  const port = Number(environment.PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT: expected a port number, got "${environment.PORT}"`);
  let datasources: ApiConfig['datasources'] = [];
  const file = environment.CONNECTORMCP_CONFIG;
  if (file) {
    const parsed = configFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    datasources = parsed.data.datasources;
  }
  let publicUrl: string | undefined;
  if (environment.PUBLIC_URL) {
    let parsed: URL;
    try {
      parsed = new URL(environment.PUBLIC_URL);
    } catch {
      throw new Error(
        `PUBLIC_URL: expected an http(s) URL such as https://chat.example.com, got "${environment.PUBLIC_URL}"`,
      );
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash)
      throw new Error(`PUBLIC_URL: expected an http(s) URL without query or fragment, got "${environment.PUBLIC_URL}"`);
    publicUrl = parsed.href.replace(/\/$/, '');
  }
  let oidc: OidcSettings | undefined;
  if (environment.OIDC_ISSUER) {
    if (!environment.OIDC_CLIENT_ID) throw new Error('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
    if (!publicUrl)
      throw new Error(
        'PUBLIC_URL: required when OIDC_ISSUER is set (the sign-in callback is PUBLIC_URL/api/auth/callback)',
      );
    oidc = {
      issuer: environment.OIDC_ISSUER,
      clientId: environment.OIDC_CLIENT_ID,
      ...(environment.OIDC_CLIENT_SECRET ? { clientSecret: environment.OIDC_CLIENT_SECRET } : {}),
      scopes: environment.OIDC_SCOPES
        ? environment.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean)
        : ['openid', 'profile', 'email', 'offline_access'],
      groupsClaim: environment.OIDC_GROUPS_CLAIM || 'groups',
      adminGroups:
        environment.OIDC_ADMIN_GROUPS === undefined ? ['connectormcp-admins'] : list(environment.OIDC_ADMIN_GROUPS),
      allowedGroups: list(environment.OIDC_ALLOWED_GROUPS),
    };
  }
  // Without API keys or sign-in the API must not be reachable from the network.
  const host = apiKeys.length === 0 && !oidc ? '127.0.0.1' : (environment.HOST ?? '0.0.0.0');
  const allowedHosts = resolveAllowedHosts({
    bindHost: host,
    extraHosts: [...list(environment.ALLOWED_HOSTS), ...(publicUrl ? [new URL(publicUrl).hostname] : [])],
    hostsVariable: 'ALLOWED_HOSTS',
  });
  const corsOrigins = list(environment.CORS_ORIGINS);
  // Checked here so that a malformed origin stops the start with the variable's name.
  createHostOriginPolicy({
    allowedOrigins: corsOrigins,
    hostsVariable: 'ALLOWED_HOSTS',
    originsVariable: 'CORS_ORIGINS',
  });
  const healthCheckIntervalMs = positiveInteger({
    name: 'HEALTH_CHECK_INTERVAL_MS',
    value: environment.HEALTH_CHECK_INTERVAL_MS,
    fallback: 60_000,
  });
  // Each check starts a process: more often than every second would keep the machine busy checking.
  if (healthCheckIntervalMs < 1000)
    throw new Error(`HEALTH_CHECK_INTERVAL_MS: expected at least 1000, got "${environment.HEALTH_CHECK_INTERVAL_MS}"`);
  return {
    port,
    host,
    apiKeys,
    allowedHosts,
    corsOrigins,
    dataDirectory: environment.DATA_DIR ?? '.data',
    ...(environment.DATABASE_URL ? { databaseUrl: environment.DATABASE_URL } : {}),
    datasources,
    rateLimitPerMinute: positiveInteger({
      name: 'RATE_LIMIT_PER_MINUTE',
      value: environment.RATE_LIMIT_PER_MINUTE,
      fallback: 300,
    }),
    shutdownGraceMs: positiveInteger({
      name: 'SHUTDOWN_GRACE_MS',
      value: environment.SHUTDOWN_GRACE_MS,
      fallback: 10_000,
    }),
    healthCheckIntervalMs,
    ...(publicUrl ? { publicUrl } : {}),
    ...(oidc ? { oidc } : {}),
    sessionMaxAgeHours: positiveInteger({
      name: 'SESSION_MAX_AGE_HOURS',
      value: environment.SESSION_MAX_AGE_HOURS,
      fallback: 12,
    }),
    secretKeys: secretKeysFromEnvironment({ environment }),
    auditRetentionDays: positiveInteger({
      name: 'AUDIT_RETENTION_DAYS',
      value: environment.AUDIT_RETENTION_DAYS,
      fallback: 365,
    }),
    schedules: scheduleSettingsFromEnvironment({ environment }),
  };
}

function booleanSetting({ name, value, fallback }: { name: string; value: string | undefined; fallback: boolean }) {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name}: expected true or false, got "${value}"`);
}

export function scheduleSettingsFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): ScheduleSettings {
  // Each variable is read by its name here, so the deployment test finds every one the API reads.
  const number = (name: string, value: string | undefined, fallback: number) =>
    positiveInteger({ name, value, fallback });
  const smtpUrl = environment.SMTP_URL;
  if (smtpUrl !== undefined && smtpUrl !== '') {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // Never echo the value: it carries the SMTP password.
      throw new Error('SMTP_URL: expected a URL like smtp://user:password@host:587');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error('SMTP_URL: expected smtp:// or smtps://');
  }
  return {
    runner: booleanSetting({ name: 'SCHEDULER', value: environment.SCHEDULER, fallback: true }),
    questionTokenLimit: number('SCHEDULE_QUESTION_TOKEN_LIMIT', environment.SCHEDULE_QUESTION_TOKEN_LIMIT, 50_000),
    runRetentionDays: number('SCHEDULE_RUN_RETENTION_DAYS', environment.SCHEDULE_RUN_RETENTION_DAYS, 90),
    runsKeptPerSchedule: number('SCHEDULE_RUNS_KEPT', environment.SCHEDULE_RUNS_KEPT, 500),
    schedulesPerUser: number('SCHEDULES_PER_USER', environment.SCHEDULES_PER_USER, 100),
    retryLimit:
      environment.SCHEDULE_RETRY_LIMIT === '0'
        ? 0
        : number('SCHEDULE_RETRY_LIMIT', environment.SCHEDULE_RETRY_LIMIT, 2),
    retryDelaySeconds: number('SCHEDULE_RETRY_DELAY_SECONDS', environment.SCHEDULE_RETRY_DELAY_SECONDS, 30),
    ...(smtpUrl
      ? { smtp: { url: smtpUrl, from: environment.ALERT_EMAIL_FROM || 'ConnectorMCP <alerts@localhost>' } }
      : {}),
    webhookAllowPrivateNetworks: booleanSetting({
      name: 'WEBHOOK_ALLOW_PRIVATE_NETWORKS',
      value: environment.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      fallback: false,
    }),
  };
}

/** The secret keys, checked at start so that a malformed one stops the API naming its variable (never its value). */
function secretKeysFromEnvironment({ environment }: { environment: Record<string, string | undefined> }) {
  const current = environment.CONNECTORMCP_SECRET_KEY;
  const previous = list(environment.CONNECTORMCP_PREVIOUS_SECRET_KEYS);
  if (current) parseSecretKey({ value: current, variable: 'CONNECTORMCP_SECRET_KEY' });
  for (const value of previous) parseSecretKey({ value, variable: 'CONNECTORMCP_PREVIOUS_SECRET_KEYS' });
  return { ...(current ? { current } : {}), previous };
}
