import type { Sandbox } from './start-sandbox.js';

/** What `npm start` prints once the app is up: where, what is missing, and Claude Desktop's configuration. */
export function sandboxBanner({
  sandbox,
  port,
  hasAnthropicKey,
}: {
  sandbox: Sandbox;
  port: string;
  hasAnthropicKey: boolean;
}): string {
  return `
ConnectorMCP is running on the sandbox: http://127.0.0.1:${port}  (Ctrl+C stops it and deletes the sandbox data)
${sandbox.unavailable.map((entry) => `\n  Not available: ${entry.name}: ${entry.reason}`).join('')}
${hasAnthropicKey ? '' : '\nNo ANTHROPIC_API_KEY: chat answers missing_api_key; the tool explorer works without it.\n'}
API: GET /api/datasources, POST /api/datasources/shop/tools/list_tables, POST /api/chat/message (apps/api/README.md).
Sample data: database "shop" (customers, products, orders, order_items, view revenue_by_month);
bucket "sample-data" (CSV reports, JSON, gzipped logs, text, an image); a fake Jira site (projects
SHOP, OPS, HR) and a fake Shopify store (products, inventory, 300 orders), all on loopback.

Claude Desktop (stdio) configuration for the same sandbox (read-only; the database account can only read):
${JSON.stringify({ mcpServers: sandbox.desktopServers }, null, 2)}
`;
}
