import { readFileSync } from 'node:fs';
import { createHostOriginPolicy, resolveAllowedHosts } from '@connectormcp/connector-kit/host-origin-guard';
import { datasourceConfigSchema, type DatasourceConfigInput } from '@connectormcp/orchestrator';
import { z } from 'zod';

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
  datasources: DatasourceConfigInput[];
  /** Requests per minute per API key (or address without keys). */
  rateLimitPerMinute: number;
  /** How long running chats may go on after SIGTERM before they are cancelled. */
  shutdownGraceMs: number;
  /** How often each datasource's connector checks its source (its health in `GET /api/datasources`). */
  healthCheckIntervalMs: number;
}

function positiveInteger({ name, value, fallback }: { name: string; value: string | undefined; fallback: number }) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name}: expected a whole number, got "${value}"`);
  return number;
}

export const configFileSchema = z.object({
  datasources: z
    .array(datasourceConfigSchema)
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
  let datasources: DatasourceConfigInput[] = [];
  const file = environment.CONNECTORMCP_CONFIG;
  if (file) {
    const parsed = configFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    datasources = parsed.data.datasources;
  }
  // Without API keys the API must not be reachable from the network.
  const host = apiKeys.length === 0 ? '127.0.0.1' : (environment.HOST ?? '0.0.0.0');
  const allowedHosts = resolveAllowedHosts({
    bindHost: host,
    extraHosts: list(environment.ALLOWED_HOSTS),
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
  };
}
