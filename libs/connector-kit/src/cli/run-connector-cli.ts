import { commonEnvironment } from '../config/common-environment.js';
import { environmentBoolean } from '../config/environment-schemas.js';
import { secretVariableNames } from '../config/environment-spec.js';
import { readEnvironment } from '../config/read-environment.js';
import { createConnectorRuntime } from '../connector/connector-runtime.js';
import { createMcpServer } from '../connector/create-mcp-server.js';
import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import { toConnectorError } from '../errors/to-connector-error.js';
import { createLogger } from '../logging/create-logger.js';
import { createSecretRedactor, type SecretRedactor } from '../secrets/secret-redactor.js';
import { serveStdio, type RunningTransport } from '../transports/serve-stdio.js';
import { describeConnectorConfig } from './describe-connector-config.js';
import { describeError } from './describe-error.js';
import { formatHelp } from './format-help.js';
import { parseConnectorArguments } from './parse-connector-arguments.js';
import { settleWithin } from './settle-within.js';

/**
 * How long closing the transport and the source may take once the client is gone or a signal came.
 * Past it the CLI returns anyway: a pool still waiting for an unreachable server must not hold the
 * process (hosts expect a server to exit within a second of closing its stdin).
 */
export const shutdownDeadlineMs = 300;

const checkTimeoutMs = 20_000;

function rejectOnAbort({ signal, shutdown }: { signal: AbortSignal; shutdown: AbortSignal }): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () =>
      reject(
        shutdown.aborted
          ? new ConnectorError({ code: 'CANCELLED', message: 'The check was stopped.' })
          : new ConnectorError({
              code: 'TIMEOUT',
              message: `The check got no answer within ${checkTimeoutMs / 1000} s: is the source reachable?`,
            }),
      );
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

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
  /** A redactor to share with the caller (the bin logs uncaught errors through it); one is made otherwise. */
  redact?: SecretRedactor;
  /** Called once when serving ends (end of input, transport closed or `shutdown`), before the clean-up. */
  onStopping?: () => void;
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
  redact = createSecretRedactor(),
  onStopping,
}: ConnectorCliOptions<Config, Context>): Promise<number> {
  redact.add(
    [...secretVariableNames({ spec: connector.environment }), ...secretVariableNames({ spec: commonEnvironment })].map(
      (name) => environment[name],
    ),
  );
  const fail = (message: string) => {
    stderr.write(`${binName}: ${redact(message)}\n`);
    return 1;
  };

  let command;
  let common;
  try {
    command = parseConnectorArguments({ argv });
    // Read from the definition alone: an app asks before it has any setting to give.
    if (command.kind === 'describe-config') {
      stdout.write(`${JSON.stringify(describeConnectorConfig({ connector }), null, 2)}\n`);
      return 0;
    }
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
  const logCleanupError = (error: unknown) =>
    logger.debug({ error: describeError({ error }) }, 'error while stopping, ignored');
  let config: Config | undefined;
  let configError: ConnectorError | undefined;
  try {
    config = connector.configFromEnvironment({ environment });
  } catch (error) {
    configError = toConnectorError({ error });
    // A config reader that throws something other than a ConnectorError is a bug; say what it was,
    // since "see the log" would point nowhere in --check.
    if (configError.code === 'INTERNAL') {
      configError = new ConnectorError({
        code: 'INVALID_CONFIG',
        message: `Invalid configuration: ${describeError({ error })}`,
      });
    }
  }
  const writesSetting = environmentBoolean().safeParse(environment[connector.allowWritesVariable]);
  const runtime = createConnectorRuntime({
    connector,
    ...(config ? { config } : { configError: configError! }),
    allowWrites: config?.allowWrites ?? (writesSetting.success && writesSetting.data),
    logger,
    redact,
    maxResultChars: common.MCP_RESULT_MAX_CHARS,
    maxStructuredChars: common.MCP_STRUCTURED_MAX_CHARS ?? common.MCP_RESULT_MAX_CHARS,
  });
  const closeRuntime = () =>
    settleWithin({ task: () => runtime.close(), milliseconds: shutdownDeadlineMs, onError: logCleanupError });

  if (command.kind === 'check') {
    if (configError) return fail(`error: ${configError.code}: ${configError.message}`);
    try {
      const signal = AbortSignal.any([shutdown, AbortSignal.timeout(checkTimeoutMs)]);
      // Raced with the signal: a source's client may not listen to it while it waits to connect.
      const result = await Promise.race([runtime.check({ signal }), rejectOnAbort({ signal, shutdown })]);
      stdout.write(
        redact(`ok: ${result.summary}\n${(result.warnings ?? []).map((warning) => `warning: ${warning}\n`).join('')}`),
      );
      return 0;
    } catch (error) {
      const connectorError = toConnectorError({ error, mapError: connector.mapError });
      return fail(`error: ${connectorError.code}: ${connectorError.message}`);
    } finally {
      await closeRuntime();
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
    await closeRuntime();
    return fail(`error: ${describeError({ error })}`);
  }
  // Aborted when serving ends for any reason, so background work (onStart) stops with it.
  const serving = new AbortController();
  if (config && connector.onStart) {
    const onStart = connector.onStart;
    void Promise.resolve()
      .then(() =>
        onStart({
          context: runtime.context(),
          logger,
          signal: AbortSignal.any([shutdown, serving.signal, AbortSignal.timeout(30_000)]),
        }),
      )
      .catch((error: unknown) => {
        if (serving.signal.aborted) return;
        const connectorError = toConnectorError({ error, mapError: connector.mapError });
        logger.warn({ code: connectorError.code }, `start-up check failed: ${connectorError.message}`);
      });
  }
  const stopped = new Promise<void>((resolve) => {
    if (shutdown.aborted) resolve();
    shutdown.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([transport.closed, stopped]);
  onStopping?.();
  serving.abort();
  // One deadline for both steps: closing the transport aborts the calls in flight, closing the runtime
  // ends the pools; either may wait on a source that never answers.
  const outcome = await settleWithin({
    task: async () => {
      await transport.close().catch(logCleanupError);
      await runtime.close();
    },
    milliseconds: shutdownDeadlineMs,
    onError: logCleanupError,
  });
  logger.info(outcome === 'timed-out' ? { cleanup: 'cut short' } : {}, 'stopped');
  return 0;
}
