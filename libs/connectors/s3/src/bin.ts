#!/usr/bin/env node
import { runConnectorCli } from '@connectormcp/connector-kit';
import { s3Connector } from './s3-connector.js';

const shutdown = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => shutdown.abort());
process.exit(
  await runConnectorCli({
    connector: s3Connector,
    binName: 'connectormcp-s3',
    argv: process.argv.slice(2),
    environment: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    shutdown: shutdown.signal,
  }),
);
