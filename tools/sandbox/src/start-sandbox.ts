import { startFakeJira } from '@connectormcp/fake-jira';
import { startFakeShopify } from '@connectormcp/fake-shopify';
import { randomBytes } from 'node:crypto';
import { createMysqlAccount, seedMysqlSample, seedS3Sample, startMariadb, startS3Server } from '@connectormcp/services';
import { stopAllWithin } from './stop-all-within.js';

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

/** An `mcpServers` entry of Claude Desktop's configuration. */
export interface DesktopServer {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface Sandbox {
  /**
   * For the API's `connectormcp.config.json`. The MySQL datasource signs in as a reader (SELECT and SHOW
   * VIEW on the sample database), or as a writer that can also change rows when `allowWrites` is set.
   */
  datasources: SandboxDatasource[];
  /** Sources that could not start, with why and what to install (MariaDB missing, say). */
  unavailable: Array<{ id: SandboxSource; name: string; reason: string }>;
  /** Claude Desktop's `mcpServers` for the sources that started: read-only, the MySQL reader account. */
  desktopServers: Record<string, DesktopServer>;
  /**
   * Stops every service and deletes its data, also after a service died; each service gets `timeoutMs`
   * (default 3 s) to stop cleanly before it is killed.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /**
   * Stops one source's service (MariaDB, s3rver or a fake API) and leaves its datasource configured, so a
   * test can see how the app reports a source that went down mid-session. A later `stop()` skips it.
   */
  stopSource(id: SandboxSource, options?: { timeoutMs?: number }): Promise<void>;
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
 * "(sandbox)". Data lives in temporary directories removed by `stop()`; when start-up fails or `signal`
 * aborts it, what had started is stopped and removed before the error is thrown.
 */
export async function startSandbox({
  root,
  sources = ['shop', 'files', 'jira', 'store'],
  allowWrites = false,
  signal,
}: {
  /** The repository root, where the connectors' dist/bin.js are. */
  root: string;
  sources?: SandboxSource[];
  /** Lets the MySQL sandbox run writes (after approval in the chat); the e2e tests use it. */
  allowWrites?: boolean;
  /** Aborts start-up (Ctrl+C while it runs): checked between services. */
  signal?: AbortSignal;
}): Promise<Sandbox> {
  const stops: Array<(options: { timeoutMs: number }) => Promise<void>> = [];
  const stopsBySource = new Map<SandboxSource, (options: { timeoutMs: number }) => Promise<void>>();
  // Each service stops at most once, whether through stopSource() or stop().
  const track = (id: SandboxSource, stopOne: (options: { timeoutMs: number }) => Promise<void>) => {
    let stopping: Promise<void> | undefined;
    const once = (options: { timeoutMs: number }) => (stopping ??= stopOne(options));
    stops.push(once);
    stopsBySource.set(id, once);
  };
  const datasources: SandboxDatasource[] = [];
  const unavailable: Sandbox['unavailable'] = [];
  const entry = (datasource: Omit<SandboxDatasource, 'command' | 'args'>): SandboxDatasource => ({
    ...datasource,
    command: process.execPath,
    args: [`${root.replace(/\/$/, '')}/${connectorBins[datasource.kind]}`],
    env: { ...datasource.env, LOG_LEVEL: 'warn' },
  });
  const desktopServers: Record<string, DesktopServer> = {};
  // The services are independent of one another, so they stop side by side: Ctrl+C is done in seconds.
  const stop = ({ timeoutMs = 3_000 }: { timeoutMs?: number } = {}) =>
    stopAllWithin({ stops: stops.map((stopOne) => () => stopOne({ timeoutMs })), timeoutMs: timeoutMs + 2_000 });
  try {
    if (sources.includes('shop')) {
      try {
        signal?.throwIfAborted();
        // The administrator password is random too, and never leaves this process.
        const mariadb = await startMariadb({ password: randomBytes(24).toString('base64url') });
        track('shop', (options) => mariadb.stop(options));
        await seedMysqlSample({ url: mariadb.url, database: 'shop' });
        const account = (user: string, privileges: string[]) =>
          createMysqlAccount({ adminUrl: mariadb.url, user, database: 'shop', privileges });
        const reader = await account('sandbox_reader', ['SELECT', 'SHOW VIEW']);
        const urlOf = ({ user, password }: { user: string; password: string }) =>
          `mysql://${user}:${encodeURIComponent(password)}@${mariadb.host}:${mariadb.port}/shop`;
        const readerEntry = entry({
          id: 'shop',
          name: 'Shop database (sandbox)',
          kind: 'mysql',
          env: { MYSQL_URL: urlOf(reader) },
        });
        desktopServers['mysql-sandbox'] = {
          command: readerEntry.command,
          args: readerEntry.args,
          env: readerEntry.env,
        };
        if (allowWrites) {
          const writer = await account('sandbox_writer', ['SELECT', 'SHOW VIEW', 'INSERT', 'UPDATE', 'DELETE']);
          datasources.push({
            ...readerEntry,
            env: { ...readerEntry.env, MYSQL_URL: urlOf(writer), MYSQL_ALLOW_WRITES: 'true' },
          });
        } else {
          datasources.push(readerEntry);
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        const reason = `MariaDB could not start (${(error as Error).message.split('\n')[0]}). Install it with: sudo apt-get install mariadb-server`;
        unavailable.push({ id: 'shop', name: 'Shop database (sandbox)', reason });
        datasources.push(unavailableDatasource({ id: 'shop', name: 'Shop database (sandbox)', kind: 'mysql', reason }));
      }
    }
    if (sources.includes('files')) {
      signal?.throwIfAborted();
      const s3 = await startS3Server();
      track('files', (options) => s3.stop(options));
      await seedS3Sample({ endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
      datasources.push(entry({ id: 'files', name: 'Files in S3 (sandbox)', kind: 's3', env: s3.environment }));
    }
    if (sources.includes('jira')) {
      signal?.throwIfAborted();
      const jira = await startFakeJira();
      track('jira', () => jira.stop());
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
      signal?.throwIfAborted();
      const shopify = await startFakeShopify();
      track('store', () => shopify.stop());
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
    signal?.throwIfAborted();
  } catch (error) {
    await stop();
    throw error;
  }
  for (const datasource of datasources) {
    if (datasource.kind === 'mysql' || unavailable.some((source) => source.id === datasource.id)) continue;
    desktopServers[`${datasource.kind}-sandbox`] = {
      command: datasource.command,
      args: datasource.args,
      env: datasource.env,
    };
  }
  const stopSource = async (id: SandboxSource, { timeoutMs = 3_000 }: { timeoutMs?: number } = {}) => {
    const stopOne = stopsBySource.get(id);
    if (!stopOne) throw new Error(`The sandbox has no running source '${id}'.`);
    await stopOne({ timeoutMs });
  };
  return { datasources, unavailable, desktopServers, stop, stopSource };
}
