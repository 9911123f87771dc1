import type { AdminDatasource, ConnectorKind } from './admin-datasource-types.js';

/** A connector kind like MySQL's, with each kind of variable the form must build a control for. */
export const mysqlKind: ConnectorKind = {
  kind: 'mysql',
  title: 'MySQL',
  package: '@connectormcp/mysql',
  version: '1.2.0',
  transport: 'stdio',
  variables: [
    {
      name: 'MYSQL_URL',
      description: 'Connection URL, mysql://user:password@host:3306/database.',
      format: 'string',
      isRequired: false,
      isSecret: true,
      placeholder: 'mysql://reader@db.example.com:3306/shop',
    },
    {
      name: 'MYSQL_HOST',
      description: 'Server host name (default 127.0.0.1).',
      format: 'string',
      isRequired: false,
      isSecret: false,
      placeholder: 'db.example.com',
    },
    {
      name: 'MYSQL_PORT',
      description: 'Server port (default 3306).',
      format: 'number',
      isRequired: false,
      isSecret: false,
      min: 1,
      max: 65_535,
      default: '3306',
    },
    {
      name: 'MYSQL_PASSWORD',
      description: 'Password of MYSQL_USER.',
      format: 'string',
      isRequired: false,
      isSecret: true,
    },
    {
      name: 'MYSQL_SSL_REJECT_UNAUTHORIZED',
      description: 'Verify the server certificate when TLS is used (default true).',
      format: 'boolean',
      isRequired: false,
      isSecret: false,
      default: 'true',
    },
    {
      name: 'LOG_LEVEL',
      description: 'How much the connector logs.',
      format: 'string',
      isRequired: false,
      isSecret: false,
      default: 'info',
      choices: ['debug', 'info', 'warn', 'error'],
    },
  ],
};

/** A kind with required variables, a secret among them. */
export const jiraKind: ConnectorKind = {
  kind: 'jira',
  title: 'Jira',
  package: '@connectormcp/jira',
  version: '1.0.0',
  transport: 'stdio',
  variables: [
    {
      name: 'JIRA_BASE_URL',
      description: 'Your site, https://your-site.atlassian.net.',
      format: 'string',
      isRequired: true,
      isSecret: false,
      placeholder: 'https://example.atlassian.net',
    },
    {
      name: 'JIRA_API_TOKEN',
      description: 'An API token of the Jira user.',
      format: 'string',
      isRequired: true,
      isSecret: true,
    },
  ],
};

const health = { status: 'connected' as const, reason: null, checkedAt: null, latencyMs: 4 };

/** A datasource added in the app, with a stored secret. */
export const appShop: AdminDatasource = {
  id: 'shop-eu',
  name: 'Shop EU',
  kind: 'mysql',
  source: 'app',
  readOnly: false,
  enabled: true,
  transport: 'stdio',
  command: null,
  args: [],
  url: null,
  settings: { MYSQL_HOST: 'db.internal', MYSQL_SSL_REJECT_UNAUTHORIZED: 'false' },
  secrets: { MYSQL_PASSWORD: { set: true } },
  headers: {},
  systemPrompt: 'Prices are in cents.',
  examples: ['Which products sell best?'],
  callTimeoutMs: 30_000,
  access: { use: ['analysts'], approve: null },
  health,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  updatedBy: 'local',
};

/** A datasource from the config file: read-only here. */
export const fileFiles: AdminDatasource = {
  ...appShop,
  id: 'files',
  name: 'Sample files',
  kind: 's3',
  source: 'file',
  readOnly: true,
  settings: { S3_REGION: 'us-east-1' },
  secrets: { AWS_SECRET_ACCESS_KEY: { set: true } },
  systemPrompt: null,
  examples: null,
  callTimeoutMs: 60_000,
  access: { use: null, approve: null },
  createdAt: null,
  updatedAt: null,
  updatedBy: null,
};

/** A remote MCP server with a stored header. */
export const remoteTickets: AdminDatasource = {
  ...appShop,
  id: 'tickets',
  name: 'Tickets',
  kind: null,
  transport: 'http',
  url: 'https://mcp.example.com/mcp',
  settings: {},
  secrets: {},
  headers: { Authorization: { set: true } },
  systemPrompt: null,
  examples: null,
  access: { use: null, approve: null },
};
