import { startFakeJira } from '@connectormcp/fake-jira';
import { startFakeShopify } from '@connectormcp/fake-shopify';
import { seedMysqlSample, seedS3Sample, startMariadb, startS3Server } from '@connectormcp/services';

export type SandboxSource = 'shop' | 'files' | 'jira' | 'store';

/** A datasource entry for `connectormcp.config.json` (see apps/api), its connector run by this Node. */
export interface SandboxDatasource {
  id: SandboxSource;
  name: string;
  kind: 'mysql' | 's3' | 'jira' | 'shopify';
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface Sandbox {
  datasources: SandboxDatasource[];
  /** Sources that could not start, with why and what to install (MariaDB missing, say). */
  unavailable: Array<{ id: SandboxSource; name: string; reason: string }>;
  stop(): Promise<void>;
}

const connectorBins = {
  mysql: 'libs/connectors/mysql/dist/bin.js',
  s3: 'libs/connectors/s3/dist/bin.js',
  jira: 'libs/connectors/jira/dist/bin.js',
  shopify: 'libs/connectors/shopify/dist/bin.js',
} as const;

/**
 * Stands in for a source that could not start, so the app lists it as not available with the reason
 * (the hub reports a connector's last log line when it exits at start) instead of leaving it out.
 */
function unavailableDatasource({
  id,
  name,
  kind,
  reason,
}: Pick<SandboxDatasource, 'id' | 'name' | 'kind'> & { reason: string }): SandboxDatasource {
  const logLine = JSON.stringify({ level: 50, msg: reason });
  return {
    id,
    name,
    kind,
    command: process.execPath,
    args: ['-e', `process.stderr.write(${JSON.stringify(logLine + '\n')}); process.exit(1);`],
    env: {},
  };
}

/**
 * Starts the sandbox on loopback: a throwaway MariaDB with the sample shop, an S3-protocol server with
 * sample files, and the fake Jira and Shopify APIs with their sample data. Every datasource is labelled
 * "(sandbox)". Data lives in temporary directories removed by `stop()`.
 */
export async function startSandbox({
  root,
  sources = ['shop', 'files', 'jira', 'store'],
  allowWrites = false,
}: {
  /** The repository root, where the connectors' dist/bin.js are. */
  root: string;
  sources?: SandboxSource[];
  /** Lets the MySQL sandbox run writes (after approval in the chat); the e2e tests use it. */
  allowWrites?: boolean;
}): Promise<Sandbox> {
  const stops: Array<() => Promise<void>> = [];
  const datasources: SandboxDatasource[] = [];
  const unavailable: Sandbox['unavailable'] = [];
  const entry = (datasource: Omit<SandboxDatasource, 'command' | 'args'>): SandboxDatasource => ({
    ...datasource,
    command: process.execPath,
    args: [`${root.replace(/\/$/, '')}/${connectorBins[datasource.kind]}`],
    env: { ...datasource.env, LOG_LEVEL: 'warn' },
  });
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => {});
  };
  try {
    if (sources.includes('shop')) {
      try {
        const mariadb = await startMariadb();
        stops.push(() => mariadb.stop());
        await seedMysqlSample({ url: mariadb.url, database: 'shop' });
        datasources.push(
          entry({
            id: 'shop',
            name: 'Shop database (sandbox)',
            kind: 'mysql',
            env: { MYSQL_URL: `${mariadb.url}/shop`, ...(allowWrites ? { MYSQL_ALLOW_WRITES: 'true' } : {}) },
          }),
        );
      } catch (error) {
        const reason = `MariaDB could not start (${(error as Error).message.split('\n')[0]}). Install it with: sudo apt-get install mariadb-server`;
        unavailable.push({ id: 'shop', name: 'Shop database (sandbox)', reason });
        datasources.push(unavailableDatasource({ id: 'shop', name: 'Shop database (sandbox)', kind: 'mysql', reason }));
      }
    }
    if (sources.includes('files')) {
      const s3 = await startS3Server();
      stops.push(() => s3.stop());
      await seedS3Sample({ endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
      datasources.push(entry({ id: 'files', name: 'Files in S3 (sandbox)', kind: 's3', env: s3.environment }));
    }
    if (sources.includes('jira')) {
      const jira = await startFakeJira();
      stops.push(() => jira.stop());
      datasources.push(
        entry({
          id: 'jira',
          name: 'Jira (sandbox)',
          kind: 'jira',
          env: { JIRA_BASE_URL: jira.baseUrl, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken },
        }),
      );
    }
    if (sources.includes('store')) {
      const shopify = await startFakeShopify();
      stops.push(() => shopify.stop());
      datasources.push(
        entry({
          id: 'store',
          name: 'Shopify store (sandbox)',
          kind: 'shopify',
          env: {
            SHOPIFY_STORE_DOMAIN: shopify.storeDomain,
            SHOPIFY_ACCESS_TOKEN: shopify.accessToken,
            SHOPIFY_API_BASE_URL: shopify.baseUrl,
          },
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { datasources, unavailable, stop };
}
