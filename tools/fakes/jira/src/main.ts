// Standalone fake Jira for the sandbox: `node dist/main.js --port 8788`.
import { parseArgs } from 'node:util';
import { startFakeJira } from './start-fake-jira.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const fake = await startFakeJira({ port: Number(values.port) });
process.stdout.write(`${JSON.stringify({ baseUrl: fake.baseUrl, email: fake.email, apiToken: fake.apiToken })}\n`);
const stop = () => void fake.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
