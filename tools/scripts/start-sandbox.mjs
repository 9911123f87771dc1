#!/usr/bin/env node
// `npm start`: the sandbox. Builds what it needs, starts a throwaway MariaDB with a sample shop, an
// S3-protocol server with sample files and the fake Jira and Shopify APIs on loopback, and serves the
// four connectors over Streamable HTTP. Ctrl+C stops everything and deletes the data. No accounts needed.
import { spawn, spawnSync } from 'node:child_process';
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
    name: 'mysql',
    bin: 'libs/connectors/mysql/dist/bin.js',
    port: 3331,
    env: { MYSQL_URL: `${mariadb.url}/shop` },
  });
} catch (error) {
  console.warn(`MySQL sandbox not available: ${error.message}`);
}
const s3 = await startS3Server();
stops.push(() => s3.stop());
await seedS3Sample({ endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
datasources.push({ name: 's3', bin: 'libs/connectors/s3/dist/bin.js', port: 3332, env: s3.environment });
const jira = await startFakeJira();
stops.push(() => jira.stop());
datasources.push({
  name: 'jira',
  bin: 'libs/connectors/jira/dist/bin.js',
  port: 3333,
  env: { JIRA_BASE_URL: jira.baseUrl, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken },
});
const shopify = await startFakeShopify();
stops.push(() => shopify.stop());
datasources.push({
  name: 'shopify',
  bin: 'libs/connectors/shopify/dist/bin.js',
  port: 3334,
  env: {
    SHOPIFY_STORE_DOMAIN: shopify.storeDomain,
    SHOPIFY_ACCESS_TOKEN: shopify.accessToken,
    SHOPIFY_API_BASE_URL: shopify.baseUrl,
  },
});

for (const datasource of datasources) {
  const child = spawn(process.execPath, [datasource.bin, '--http', '--port', String(datasource.port)], {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...datasource.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`${datasource.name} connector exited with code ${code}`);
  });
  children.push(child);
}

const config = Object.fromEntries(
  datasources.map((datasource) => [
    `${datasource.name}-sandbox`,
    { command: process.execPath, args: [`${root}${datasource.bin}`], env: { ...datasource.env } },
  ]),
);
console.log(`
ConnectorMCP sandbox is running (Ctrl+C stops it and deletes its data).

MCP over Streamable HTTP (for MCP Inspector or any HTTP MCP client):
${datasources.map((datasource) => `  ${datasource.name.padEnd(8)} http://127.0.0.1:${datasource.port}/mcp`).join('\n')}

Sample data: database "shop" (customers, products, orders, order_items, view revenue_by_month);
bucket "sample-data" (CSV reports, JSON, gzipped logs, text, an image); a fake Jira site (projects
SHOP, OPS, HR) and a fake Shopify store (products, inventory, 300 orders), both on loopback.

Claude Desktop (stdio) configuration for the same sandbox:
${JSON.stringify({ mcpServers: config }, null, 2)}
`);
