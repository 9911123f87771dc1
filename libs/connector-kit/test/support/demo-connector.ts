// A small connector over an in-memory list, used to exercise the kit through a real MCP client. It
// imports the built kit, like a real connector, so it also runs as a bin under plain Node.
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import {
  ConnectorError,
  defineConnector,
  defineEnvironment,
  defineResource,
  toolDefiner,
  environmentBoolean,
  environmentString,
  fitJsonItems,
  readEnvironment,
  renderTable,
  requireSetting,
} from '../../dist/index.js';

export interface DemoConfig {
  apiKey: string;
  allowWrites: boolean;
  itemCount: number;
}

export interface DemoContext {
  items: Array<{ id: number; name: string }>;
  closed: boolean;
  /** Handlers that saw their abort signal fire, to prove cancellation reaches them. */
  cancelledCalls: number;
  close(): Promise<void>;
}

const environment = defineEnvironment({
  DEMO_API_KEY: { description: 'Key for the demo source.', schema: environmentString(), secret: true },
  DEMO_ALLOW_WRITES: { description: 'Enables add_item.', schema: environmentBoolean() },
  DEMO_ITEMS: { description: 'How many items to seed.', schema: environmentString({ default: '5' }) },
});

const defineDemoTool = toolDefiner<DemoContext & { apiKey: string }>();

const itemSchema = z.object({ id: z.number(), name: z.string() });

const listItems = defineDemoTool({
  name: 'list_items',
  title: 'List items',
  description: 'Lists items, slowly when asked, reporting progress.',
  input: z.object({
    limit: z.number().int().min(1).max(100_000).default(10).describe('How many items to return.'),
    delay_ms: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .describe('Pause per item, to test progress and cancellation.'),
  }),
  output: z.object({ items: z.array(itemSchema), truncated: z.boolean() }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async handler({ input, context, signal, progress, maxChars, maxStructuredChars }) {
    const items = context.items.slice(0, input.limit);
    for (const [index] of items.entries()) {
      if (input.delay_ms > 0) {
        await delay(input.delay_ms, undefined, { signal }).catch((error: unknown) => {
          if (signal.aborted) context.cancelledCalls += 1;
          throw error;
        });
      }
      await progress({ progress: index + 1, total: items.length, message: `item ${index + 1}` });
    }
    // The structured budget decides first, so the text never shows rows the structured content lacks.
    const fitted = fitJsonItems({ items, maxChars: maxStructuredChars - 100 });
    const table = renderTable({
      columns: ['id', 'name'],
      rows: fitted.items,
      totalRows: items.length,
      maxChars,
      hint: 'Pass a smaller limit.',
    });
    return {
      structured: { items: fitted.items.slice(0, table.shownRows), truncated: table.truncated },
      text: table.text,
    };
  },
});

const fail = defineDemoTool({
  name: 'fail',
  title: 'Fail',
  description: 'Fails in the requested way.',
  input: z.object({ kind: z.enum(['not_found', 'driver', 'crash', 'leak']).describe('Which failure.') }),
  output: z.object({}),
  annotations: { readOnlyHint: true },
  async handler({ input, context }) {
    if (input.kind === 'not_found') throw new ConnectorError({ code: 'NOT_FOUND', message: 'Item 42 does not exist.' });
    if (input.kind === 'driver') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    if (input.kind === 'leak') {
      throw new ConnectorError({
        code: 'ACCESS_DENIED',
        message: `Denied for key ${context.apiKey} at demo://admin:hunter22@db.internal`,
      });
    }
    throw new TypeError('Cannot read properties of undefined (reading "x") at /srv/app/secret-path.js:10');
  },
});

const addItem = defineDemoTool({
  name: 'add_item',
  title: 'Add item',
  description: 'Adds an item.',
  input: z.object({ name: z.string().min(1).describe('Name of the new item.') }),
  output: itemSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  writes: true,
  async handler({ input, context }) {
    const item = { id: context.items.length + 1, name: input.name };
    context.items.push(item);
    return { structured: item, text: `Added item ${item.id}.` };
  },
});

const items = defineResource<DemoContext>({
  name: 'items',
  title: 'Items',
  description: 'All items as JSON.',
  mimeType: 'application/json',
  uri: 'demo://items',
  async read({ context, uri }) {
    return [{ uri: uri.href, text: JSON.stringify(context.items) }];
  },
});

const item = defineResource<DemoContext>({
  name: 'item',
  title: 'Item',
  description: 'One item by id.',
  mimeType: 'application/json',
  uri: 'demo://items/{id}',
  async list({ context }) {
    return context.items.map((entry) => ({ uri: `demo://items/${entry.id}`, name: entry.name }));
  },
  async read({ context, uri, variables }) {
    const found = context.items.find((entry) => String(entry.id) === variables.id);
    if (!found) throw new ConnectorError({ code: 'NOT_FOUND', message: `No item ${variables.id}.` });
    return [{ uri: uri.href, text: JSON.stringify(found) }];
  },
});

export const demoConnector = defineConnector<DemoConfig, DemoContext & { apiKey: string }>({
  name: 'demo',
  packageName: '@connectormcp/demo',
  title: 'Demo',
  version: '9.9.9',
  environment,
  allowWritesVariable: 'DEMO_ALLOW_WRITES',
  configFromEnvironment({ environment: values }) {
    const parsed = readEnvironment({ spec: environment, environment: values });
    return {
      apiKey: requireSetting({ value: parsed.DEMO_API_KEY, variables: ['DEMO_API_KEY'], expected: 'the demo key' }),
      allowWrites: parsed.DEMO_ALLOW_WRITES,
      itemCount: Number(parsed.DEMO_ITEMS),
    };
  },
  secretsOf: ({ config }) => [config.apiKey],
  createContext({ config }) {
    const context = {
      apiKey: config.apiKey,
      items: Array.from({ length: config.itemCount }, (_, index) => ({ id: index + 1, name: `item ${index + 1}` })),
      closed: false,
      cancelledCalls: 0,
      async close() {
        context.closed = true;
      },
    };
    return context;
  },
  tools: [listItems, fail, addItem],
  resources: [items, item],
  async check({ context }) {
    if (context.apiKey === 'wrong') {
      throw new ConnectorError({ code: 'ACCESS_DENIED', message: 'The demo source refused DEMO_API_KEY.' });
    }
    return { summary: `demo source with ${context.items.length} items`, warnings: ['this is a demo'] };
  },
  mapError(error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') {
      return new ConnectorError({
        code: 'UPSTREAM_UNAVAILABLE',
        message: 'The demo source is unreachable.',
        retryable: true,
      });
    }
    return undefined;
  },
});
