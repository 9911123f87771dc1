#!/usr/bin/env node
// `npm start`: the app on the sandbox. Builds what it needs, starts a throwaway MariaDB with a sample
// shop, an S3-protocol server with sample files and the fake Jira and Shopify APIs on loopback, and runs
// the API on port 8000 serving the web chat, with the four connectors as its datasources. Ctrl+C stops
// everything and deletes the sandbox data. No accounts needed; chat needs ANTHROPIC_API_KEY, the tool
// explorer does not.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const { startSandbox } = await import('@connectormcp/sandbox');
const sandbox = await startSandbox({ root });
const children = [];
const configDirectory = mkdtempSync(join(tmpdir(), 'connectormcp-sandbox-'));
let stopping = false;
const shutdown = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
    ),
  );
  await sandbox.stop();
  rmSync(configDirectory, { recursive: true, force: true });
  process.exit(code);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const configFile = join(configDirectory, 'connectormcp.config.json');
writeFileSync(configFile, JSON.stringify({ datasources: sandbox.datasources }, null, 2));
const port = process.env.PORT ?? '8000';
const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: port,
    CONNECTORMCP_CONFIG: configFile,
    DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
api.once('exit', (code) => {
  if (stopping) return;
  if (code !== 0 && code !== null) console.error(`the API exited with code ${code}`);
  void shutdown(code ?? 0);
});
children.push(api);

const desktopConfig = Object.fromEntries(
  sandbox.datasources
    .filter((datasource) => !sandbox.unavailable.some((entry) => entry.id === datasource.id))
    .map((datasource) => [
      `${datasource.kind}-sandbox`,
      { command: datasource.command, args: datasource.args, env: datasource.env },
    ]),
);
console.log(`
ConnectorMCP is running on the sandbox: http://127.0.0.1:${port}  (Ctrl+C stops it and deletes the sandbox data)
${sandbox.unavailable.map((entry) => `\n  Not available: ${entry.name}: ${entry.reason}`).join('')}
${process.env.ANTHROPIC_API_KEY ? '' : '\nNo ANTHROPIC_API_KEY: chat answers missing_api_key; the tool explorer works without it.\n'}
API: GET /api/datasources, POST /api/datasources/shop/tools/list_tables, POST /api/chat/message (apps/api/README.md).
Sample data: database "shop" (customers, products, orders, order_items, view revenue_by_month);
bucket "sample-data" (CSV reports, JSON, gzipped logs, text, an image); a fake Jira site (projects
SHOP, OPS, HR) and a fake Shopify store (products, inventory, 300 orders), all on loopback.

Claude Desktop (stdio) configuration for the same sandbox:
${JSON.stringify({ mcpServers: desktopConfig }, null, 2)}
`);
