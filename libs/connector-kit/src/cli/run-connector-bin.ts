import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import { runConnectorCli } from './run-connector-cli.js';

/**
 * The whole of a connector's `bin.ts`: hands the process's argv, environment and streams to the CLI,
 * stops cleanly on SIGINT/SIGTERM and exits with the CLI's code. The process is passed in, so the bin
 * stays the only module that touches it.
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
  const shutdown = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) running.once(signal, () => shutdown.abort());
  const code = await runConnectorCli({
    connector,
    binName,
    argv: running.argv.slice(2),
    environment: running.env,
    stdin: running.stdin,
    stdout: running.stdout,
    stderr: running.stderr,
    shutdown: shutdown.signal,
  });
  running.exit(code);
}
