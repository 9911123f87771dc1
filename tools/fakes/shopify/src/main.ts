// Standalone fake Shopify for the sandbox: `node dist/main.js --port 8789`.
import { parseArgs } from 'node:util';
import { startFakeShopify } from './start-fake-shopify.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const fake = await startFakeShopify({ port: Number(values.port) });
process.stdout.write(
  `${JSON.stringify({ baseUrl: fake.baseUrl, storeDomain: fake.storeDomain, accessToken: fake.accessToken })}\n`,
);
const stop = () => void fake.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
