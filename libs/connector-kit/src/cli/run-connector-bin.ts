import { commonEnvironment } from '../config/common-environment.js';
import { secretVariableNames } from '../config/environment-spec.js';
import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import { createLogger, type LogLevel } from '../logging/create-logger.js';
import { createSecretRedactor } from '../secrets/secret-redactor.js';
import { describeError } from './describe-error.js';
import { runConnectorCli, shutdownDeadlineMs } from './run-connector-cli.js';

// Past this, the process exits even if something kept the clean-up from finishing (it is bounded by
// shutdownDeadlineMs already): hosts expect a server to be gone within a second of closing its stdin.
const hardExitMs = shutdownDeadlineMs + 200;

/**
 * The whole of a connector's `bin.ts`: hands the process's argv, environment and streams to the CLI,
 * stops cleanly on SIGINT/SIGTERM and exits with the CLI's code. The process is passed in, so the bin
 * stays the only module that touches it.
 *
 * Errors nobody caught become one JSON log line, never a stack trace: while stopping (a pool that fails
 * late, a request that rejects after close) the exit code stays 0; while serving, an uncaught exception
 * exits with 1 and a stray rejected promise is logged and the server goes on.
 */
export async function runConnectorBin<Config extends ConnectorConfig, Context extends ConnectorContext>({
  connector,
  binName,
  process: running,
}: {
  connector: ConnectorDefinition<Config, Context>;
  binName: string;
  process: NodeJS.Process;
}): Promise<void> {
  const redact = createSecretRedactor({
    secrets: [
      ...secretVariableNames({ spec: connector.environment }),
      ...secretVariableNames({ spec: commonEnvironment }),
    ].map((name) => running.env[name]),
  });
  const level = commonEnvironment.LOG_LEVEL.schema.safeParse(running.env.LOG_LEVEL);
  const logger = createLogger({ name: binName, level: (level.success ? level.data : 'info') as LogLevel, redact });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => running.exit(0), hardExitMs).unref();
  };
  running.on('uncaughtException', (error) => {
    if (stopping) {
      logger.debug({ error: describeError({ error }) }, 'error while stopping, ignored');
      running.exit(0);
      return;
    }
    logger.fatal({ error: describeError({ error }) }, 'unexpected error, stopping');
    running.exit(1);
  });
  running.on('unhandledRejection', (error) => {
    if (stopping) logger.debug({ error: describeError({ error }) }, 'error while stopping, ignored');
    else logger.error({ error: describeError({ error }) }, 'unexpected error, ignored');
  });

  const shutdown = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    running.on(signal, () => {
      stop();
      shutdown.abort();
    });
  }
  let code: number;
  try {
    code = await runConnectorCli({
      connector,
      binName,
      argv: running.argv.slice(2),
      environment: running.env,
      stdin: running.stdin,
      stdout: running.stdout,
      stderr: running.stderr,
      shutdown: shutdown.signal,
      redact,
      onStopping: stop,
    });
  } catch (error) {
    running.stderr.write(`${binName}: error: ${redact(describeError({ error }))}\n`);
    code = stopping ? 0 : 1;
  }
  running.exit(code);
}
