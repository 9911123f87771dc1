// A connector whose source misbehaves the ways real ones do when they are down: calls that ignore
// cancellation, a close() that never finishes or fails late, errors thrown after shutdown began.
// STUCK_MODE picks the behaviour. Runs as a bin under plain Node, like demo-bin.ts.
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import {
  defineConnector,
  defineEnvironment,
  environmentString,
  readEnvironment,
  runConnectorBin,
  toolDefiner,
} from '../../dist/index.js';

interface StuckConfig {
  mode: string;
  key: string;
  allowWrites: boolean;
}

interface StuckContext {
  mode: string;
  source: EventEmitter;
  close(): Promise<void>;
}

const environment = defineEnvironment({
  STUCK_MODE: { description: 'How the source misbehaves.', schema: environmentString({ default: 'hang' }) },
  STUCK_KEY: { description: 'A secret that must never be printed.', schema: environmentString(), secret: true },
});

const connectionRefused = () =>
  Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 (key ${process.env.STUCK_KEY})`), {
    code: 'ECONNREFUSED',
  });

const defineStuckTool = toolDefiner<StuckContext>();

const wait = defineStuckTool({
  name: 'wait',
  title: 'Wait',
  description: 'Waits on the source, which never answers and ignores cancellation.',
  input: z.object({}),
  output: z.object({}),
  annotations: { readOnlyHint: true },
  handler: () => new Promise<never>(() => {}),
});

const crash = defineStuckTool({
  name: 'crash',
  title: 'Crash',
  description: 'Makes the source throw where nobody catches it, or reject a promise nobody awaits.',
  input: z.object({ kind: z.enum(['exception', 'rejection']) }),
  output: z.object({}),
  annotations: { readOnlyHint: true },
  async handler({ input }) {
    if (input.kind === 'exception')
      setTimeout(() => {
        throw connectionRefused();
      }, 10);
    else void Promise.reject(connectionRefused());
    return { structured: {}, text: 'done' };
  },
});

const stuckConnector = defineConnector<StuckConfig, StuckContext>({
  name: 'stuck',
  packageName: '@connectormcp/stuck',
  title: 'Stuck',
  version: '0.0.0',
  environment,
  allowWritesVariable: 'STUCK_ALLOW_WRITES',
  configFromEnvironment({ environment: values }) {
    const parsed = readEnvironment({ spec: environment, environment: values });
    if (parsed.STUCK_MODE === 'config-bug') throw new TypeError(`cannot read the key ${parsed.STUCK_KEY}`);
    return { mode: parsed.STUCK_MODE, key: parsed.STUCK_KEY ?? '', allowWrites: false };
  },
  secretsOf: ({ config }) => [config.key],
  createContext({ config }) {
    const source = new EventEmitter();
    return {
      mode: config.mode,
      source,
      close() {
        if (config.mode === 'hang') return new Promise(() => {});
        // Like a pool ending a connection that never opened: it fails late, and then emits an error
        // event nobody listens to.
        setTimeout(() => source.emit('error', connectionRefused()), 50);
        return new Promise((_, reject) => setTimeout(() => reject(connectionRefused()), 20));
      },
    };
  },
  tools: [wait, crash],
  async onStart({ context }) {
    context.source.on('ready', () => {});
    // A background check that fails only after shutdown began.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  },
  async check() {
    return { summary: 'stuck source' };
  },
});

await runConnectorBin({ connector: stuckConnector, binName: 'connectormcp-stuck', process });
