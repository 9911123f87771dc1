#!/usr/bin/env node
// `npm start`: the app on the sandbox. Builds what it needs, starts a throwaway MariaDB with a sample
// shop, an S3-protocol server with sample files and the fake Jira and Shopify APIs on loopback, and runs
// the API on port 8000 with the four connectors as its datasources. Ctrl+C stops everything and deletes
// the data. No accounts needed; chat needs ANTHROPIC_API_KEY, the tool explorer does not.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const build = spawnSync(
  'nx',
  [
    'run-many',
    '-t',
    'build',
    '-p',
    '@connectormcp/mysql',
    '@connectormcp/s3',
    '@connectormcp/services',
    '--outputStyle=static',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) {
  console.error('The build failed; run `npm run build` to see why.');
  process.exit(1);
}

const { seedMysqlSample, seedS3Sample, startMariadb, startS3Server } = await import('@connectormcp/services');
const { startFakeJira } = await import('@connectormcp/fake-jira');
const { startFakeShopify } = await import('@connectormcp/fake-shopify');
const stops = [];
const children = [];
const shutdown = async (code = 0) => {
  for (const child of children) child.kill('SIGTERM');
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const datasources = [];
try {
  const mariadb = await startMariadb();
  stops.push(() => mariadb.stop());
  await seedMysqlSample({ url: mariadb.url, database: 'shop' });
  datasources.push({
    id: 'shop',
    title: 'Shop database (sandbox)',
    kind: 'mysql',
    name: 'mysql',
    bin: 'libs/connectors/mysql/dist/bin.js',
    env: { MYSQL_URL: `${mariadb.url}/shop` },
  });
} catch (error) {
  console.warn(`MySQL sandbox not available: ${error.message}`);
}
const s3 = await startS3Server();
stops.push(() => s3.stop());
await seedS3Sample({ endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
datasources.push({
  id: 'files',
  title: 'Files in S3 (sandbox)',
  kind: 's3',
  name: 's3',
  bin: 'libs/connectors/s3/dist/bin.js',
  env: s3.environment,
});
const jira = await startFakeJira();
stops.push(() => jira.stop());
datasources.push({
  id: 'jira',
  title: 'Jira (sandbox)',
  kind: 'jira',
  name: 'jira',
  bin: 'libs/connectors/jira/dist/bin.js',
  env: { JIRA_BASE_URL: jira.baseUrl, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken },
});
const shopify = await startFakeShopify();
stops.push(() => shopify.stop());
datasources.push({
  id: 'store',
  title: 'Shopify store (sandbox)',
  kind: 'shopify',
  name: 'shopify',
  bin: 'libs/connectors/shopify/dist/bin.js',
  env: {
    SHOPIFY_STORE_DOMAIN: shopify.storeDomain,
    SHOPIFY_ACCESS_TOKEN: shopify.accessToken,
    SHOPIFY_API_BASE_URL: shopify.baseUrl,
  },
});

const configDirectory = mkdtempSync(join(tmpdir(), 'connectormcp-sandbox-'));
stops.push(async () => rmSync(configDirectory, { recursive: true, force: true }));
const configFile = join(configDirectory, 'connectormcp.config.json');
writeFileSync(
  configFile,
  JSON.stringify({
    datasources: datasources.map((datasource) => ({
      id: datasource.id,
      name: datasource.title,
      kind: datasource.kind,
      command: process.execPath,
      args: [join(root, datasource.bin)],
      env: { ...datasource.env, LOG_LEVEL: 'warn' },
    })),
  }),
);
const port = process.env.PORT ?? '8000';
const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: port,
    CONNECTORMCP_CONFIG: configFile,
    DATA_DIR: join(root, '.data'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
api.once('exit', (code) => {
  if (code !== 0 && code !== null) console.error(`the API exited with code ${code}`);
  void shutdown(code ?? 0);
});
children.push(api);

const config = Object.fromEntries(
  datasources.map((datasource) => [
    `${datasource.name}-sandbox`,
    { command: process.execPath, args: [`${root}${datasource.bin}`], env: { ...datasource.env } },
  ]),
);
console.log(`
ConnectorMCP is running on the sandbox: http://127.0.0.1:${port} (Ctrl+C stops it and deletes the sandbox data).

  GET  /api/datasources                          datasources and their tools
  POST /api/datasources/shop/tools/list_tables   the tool explorer, e.g. {"arguments":{"database":"shop"}}
  POST /api/chat/message                         chat (set ANTHROPIC_API_KEY first)
${process.env.ANTHROPIC_API_KEY ? '' : '\nNo ANTHROPIC_API_KEY: chat answers missing_api_key; the tool explorer works without it.\n'}
Sample data: database "shop" (customers, products, orders, order_items, view revenue_by_month);
bucket "sample-data" (CSV reports, JSON, gzipped logs, text, an image); a fake Jira site (projects
SHOP, OPS, HR) and a fake Shopify store (products, inventory, 300 orders), both on loopback.

Claude Desktop (stdio) configuration for the same sandbox:
${JSON.stringify({ mcpServers: config }, null, 2)}
`);
