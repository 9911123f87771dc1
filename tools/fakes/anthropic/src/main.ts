// Standalone fake Anthropic API for demos: `node dist/main.js --port 8787 --api-key sk-ant-fake`.
import { parseArgs } from 'node:util';
import { startFakeAnthropic } from './start-fake-anthropic.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'api-key': { type: 'string', default: 'sk-ant-fake-key' } },
});
const fake = await startFakeAnthropic({ port: Number(values.port), apiKey: values['api-key'] });
process.stdout.write(`fake Anthropic API on ${fake.baseUrl}\n`);
const stop = () => void fake.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
