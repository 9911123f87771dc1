#!/usr/bin/env node
// `npm start`: the app on the sandbox. Builds what it needs, starts a throwaway MariaDB with a sample
// shop, an S3-protocol server with sample files and the fake Jira and Shopify APIs on loopback, and runs
// the API on port 8000 serving the web chat, with the four connectors as its datasources. Ctrl+C stops
// everything and deletes the sandbox data. The database account the connector uses can only read. No
// accounts needed; chat needs ANTHROPIC_API_KEY, the tool explorer does not.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
console.log('Building the API, the web app and the connectors…');
// The connectors are started by the API, not imported by it, so they are named here as well.
const build = spawnSync(
  'nx',
  [
    'run-many',
    '-t',
    'build',
    '-p',
    '@connectormcp/api',
    '@connectormcp/web',
    '@connectormcp/sandbox',
    '@connectormcp/mysql',
    '@connectormcp/s3',
    '@connectormcp/jira',
    '@connectormcp/shopify',
    '--outputStyle=static',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (build.status !== 0) {
  console.error('The build failed; run `npm run build` to see why.');
  process.exit(1);
}

// Everything after the build (services, accounts, the API, Ctrl+C) is the sandbox's main, which its
// tests start as a process the same way.
await import('../sandbox/dist/main.js');
