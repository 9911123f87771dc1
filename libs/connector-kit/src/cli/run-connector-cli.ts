import { commonEnvironment } from '../config/common-environment.js';
import { environmentBoolean } from '../config/environment-schemas.js';
import { secretVariableNames } from '../config/environment-spec.js';
import { readEnvironment } from '../config/read-environment.js';
import { createConnectorRuntime } from '../connector/connector-runtime.js';
import { createMcpServer } from '../connector/create-mcp-server.js';
import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import type { ConnectorError } from '../errors/connector-error.js';
import { toConnectorError } from '../errors/to-connector-error.js';
import { createLogger } from '../logging/create-logger.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { serveStdio, type RunningTransport } from '../transports/serve-stdio.js';
import { formatHelp } from './format-help.js';
import { parseConnectorArguments } from './parse-connector-arguments.js';

export interface ConnectorCliOptions<Config extends ConnectorConfig, Context extends ConnectorContext> {
  connector: ConnectorDefinition<Config, Context>;
  binName: string;
  argv: string[];
  environment: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborted on SIGINT/SIGTERM by the bin: stops serving and closes pools. */
  shutdown: AbortSignal;
  /** Log destination; stderr's file descriptor by default. */
  logDestination?: number | NodeJS.WritableStream;
}

/**
 * Everything a connector's bin does, so that `bin.ts` only hands over the process's argv, environment
 * and streams. Resolves with the exit code.
 */
export async function runConnectorCli<Config extends ConnectorConfig, Context extends ConnectorContext>({
  connector,
  binName,
  argv,
  environment,
  stdin,
  stdout,
  stderr,
  shutdown,
  logDestination = 2,
}: ConnectorCliOptions<Config, Context>): Promise<number> {
  const redact = createSecretRedactor({
    secrets: [
      ...secretVariableNames({ spec: connector.environment }),
      ...secretVariableNames({ spec: commonEnvironment }),
    ].map((name) => environment[name]),
  });
  const fail = (message: string) => {
    stderr.write(`${binName}: ${redact(message)}\n`);
    return 1;
  };

  let command;
  let common;
  try {
    command = parseConnectorArguments({ argv });
    common = readEnvironment({ spec: commonEnvironment, environment });
  } catch (error) {
    return fail(toConnectorError({ error }).message);
  }
  if (command.kind === 'help') {
    stdout.write(formatHelp({ connector, binName, commonEnvironment }));
    return 0;
  }
  if (command.kind === 'version') {
    stdout.write(`${connector.version}\n`);
    return 0;
  }

  const logger = createLogger({ name: binName, level: common.LOG_LEVEL, redact, destination: logDestination });
  let config: Config | undefined;
  let configError: ConnectorError | undefined;
  try {
    config = connector.configFromEnvironment({ environment });
  } catch (error) {
    configError = toConnectorError({ error });
  }
  const writesSetting = environmentBoolean().safeParse(environment[connector.allowWritesVariable]);
  const runtime = createConnectorRuntime({
    connector,
    ...(config ? { config } : { configError: configError! }),
    allowWrites: config?.allowWrites ?? (writesSetting.success && writesSetting.data),
    logger,
    redact,
    maxResultChars: common.MCP_RESULT_MAX_CHARS,
  });

  if (command.kind === 'check') {
    if (configError) return fail(`error: ${configError.code}: ${configError.message}`);
    try {
      const result = await runtime.check({ signal: AbortSignal.any([shutdown, AbortSignal.timeout(20_000)]) });
      stdout.write(
        redact(`ok: ${result.summary}\n${(result.warnings ?? []).map((warning) => `warning: ${warning}\n`).join('')}`),
      );
      return 0;
    } catch (error) {
      const connectorError = toConnectorError({ error, mapError: connector.mapError });
      return fail(`error: ${connectorError.code}: ${connectorError.message}`);
    } finally {
      await runtime.close();
    }
  }

  if (configError) {
    logger.warn(
      { code: configError.code },
      `${configError.message} Tools are listed, and calls fail until this is fixed.`,
    );
  }
  let transport: RunningTransport;
  try {
    if (command.transport === 'stdio') {
      transport = await serveStdio({ server: createMcpServer({ runtime }), stdin, stdout });
      logger.info({ transport: 'stdio', writes: runtime.allowWrites }, `${binName} ${connector.version} ready`);
    } else {
      // Loaded only when asked for: Express and the HTTP transport double a stdio server's memory.
      const { serveHttp } = await import('../transports/serve-http.js');
      const http = await serveHttp({
        createServer: () => createMcpServer({ runtime }),
        host: command.host,
        port: command.port,
        token: common.MCP_HTTP_TOKEN,
        allowedHosts: common.MCP_HTTP_ALLOWED_HOSTS ?? [],
        logger,
      });
      transport = http;
      logger.info(
        { transport: 'http', url: http.url.href, writes: runtime.allowWrites },
        `${binName} ${connector.version} ready`,
      );
      stderr.write(
        `${binName} listening on ${http.url.href}${common.MCP_HTTP_TOKEN ? ' (bearer token required)' : ''}\n`,
      );
    }
  } catch (error) {
    await runtime.close();
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (config && connector.onStart) {
    const onStart = connector.onStart;
    void Promise.resolve()
      .then(() =>
        onStart({
          context: runtime.context(),
          logger,
          signal: AbortSignal.any([shutdown, AbortSignal.timeout(30_000)]),
        }),
      )
      .catch((error: unknown) =>
        logger.warn({ code: toConnectorError({ error, mapError: connector.mapError }).code }, 'start-up check failed'),
      );
  }
  const stopped = new Promise<void>((resolve) => shutdown.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.race([transport.closed, stopped]);
  await transport.close().catch(() => {});
  await runtime.close();
  logger.info('stopped');
  return 0;
}
