import { startFakeJira } from '@connectormcp/fake-jira';
import { startFakeShopify } from '@connectormcp/fake-shopify';
import { createMysqlAccount, seedMysqlSample, seedS3Sample, startMariadb, startS3Server } from '@connectormcp/services';

/** What a user types into Claude Desktop's settings of the bundle to reach one sandbox service. */
export interface BundleSandbox {
  userConfig: Record<string, string | number | boolean>;
  /** Values that must never appear in the server's stderr. */
  secrets: string[];
  /** A read tool call and text its result must contain. */
  readCall: { name: string; arguments: Record<string, unknown>; expectText: string };
  stop(): Promise<void>;
}

async function startMysqlSandbox(): Promise<BundleSandbox> {
  const server = await startMariadb();
  try {
    await seedMysqlSample({ url: server.url, database: 'shop' });
    const reader = await createMysqlAccount({
      adminUrl: server.url,
      user: 'bundle_reader',
      database: 'shop',
      privileges: ['SELECT', 'SHOW VIEW'],
    });
    return {
      // MYSQL_PORT is offered as text (an optional number without a default): Claude Desktop stores a string.
      userConfig: {
        MYSQL_HOST: server.host,
        MYSQL_PORT: String(server.port),
        MYSQL_USER: reader.user,
        MYSQL_PASSWORD: reader.password,
        MYSQL_DATABASE: 'shop',
      },
      secrets: [reader.password],
      readCall: {
        name: 'execute_query',
        arguments: { sql: 'SELECT COUNT(*) AS product_count FROM products' },
        expectText: 'product_count',
      },
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function startS3Sandbox(): Promise<BundleSandbox> {
  const server = await startS3Server();
  try {
    await seedS3Sample({
      endpoint: server.endpoint,
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
    });
    return {
      userConfig: {
        AWS_ACCESS_KEY_ID: server.accessKeyId,
        AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
        AWS_REGION: server.region,
        S3_ENDPOINT_URL: server.endpoint,
        S3_FORCE_PATH_STYLE: true,
      },
      secrets: [],
      readCall: {
        name: 'read_object',
        arguments: { bucket: 'sample-data', key: 'reports/2026/sales-q3.csv' },
        expectText: '2026-07-01\tEMEA\tEspresso beans',
      },
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function startJiraSandbox(): Promise<BundleSandbox> {
  const fake = await startFakeJira();
  return {
    userConfig: { JIRA_BASE_URL: fake.baseUrl, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken },
    secrets: [fake.apiToken],
    readCall: { name: 'list_projects', arguments: {}, expectText: 'OPS' },
    stop: async () => {
      if (fake.mismatches.length > 0)
        throw new Error(`fake Jira contract mismatches: ${JSON.stringify(fake.mismatches)}`);
      await fake.stop();
    },
  };
}

async function startShopifySandbox(): Promise<BundleSandbox> {
  const fake = await startFakeShopify();
  return {
    userConfig: {
      SHOPIFY_STORE_DOMAIN: fake.storeDomain,
      SHOPIFY_ACCESS_TOKEN: fake.accessToken,
      SHOPIFY_API_BASE_URL: fake.baseUrl,
    },
    secrets: [fake.accessToken],
    readCall: { name: 'list_products', arguments: {}, expectText: 'Nordic Roasters' },
    stop: () => fake.stop(),
  };
}

/** Starts the sandbox service a connector's bundle is tested against: real MariaDB and s3rver, the fakes. */
export function startBundleSandbox({ connector }: { connector: string }): Promise<BundleSandbox> {
  const starters: Record<string, () => Promise<BundleSandbox>> = {
    mysql: startMysqlSandbox,
    s3: startS3Sandbox,
    jira: startJiraSandbox,
    shopify: startShopifySandbox,
  };
  const start = starters[connector];
  if (!start) throw new Error(`no sandbox for connector ${connector}`);
  return start();
}
