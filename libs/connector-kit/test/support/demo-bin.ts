// Runs the demo connector the way a published connector's bin does (plain Node, type stripping).
import { runConnectorCli } from '../../dist/index.js';
import { demoConnector } from './demo-connector.ts';

const shutdown = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => shutdown.abort());
process.exit(
  await runConnectorCli({
    connector: demoConnector,
    binName: 'connectormcp-demo',
    argv: process.argv.slice(2),
    environment: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    shutdown: shutdown.signal,
  }),
);
