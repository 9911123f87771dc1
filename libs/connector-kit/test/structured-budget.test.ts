import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createConnectorServer } from '../src/connector/create-connector-server.js';
import { defineConnector } from '../src/connector/define-connector.js';
import { defineEnvironment } from '../src/config/environment-spec.js';
import { fitJsonItems } from '../src/output/fit-json-items.js';
import { renderTable } from '../src/output/render-table.js';
import { callToolWithinStructuredBudget } from '../src/testing/call-tool-within-structured-budget.js';
import { connectInMemory } from '../src/testing/connect-in-memory.js';
import { spawnStdioClient } from '../src/testing/spawn-stdio-client.js';
import { toolDefiner } from '../src/tools/define-tool.js';

const defineGreedyTool = toolDefiner<{ close(): Promise<void> }>();
const rows = Array.from({ length: 50 }, (_, index) => ({ id: index, value: 'v'.repeat(1_000_000) }));
const rowSchema = z.object({ id: z.number(), value: z.string() });

// Ignores its structured budget, as a careless tool would: the kit must still keep the session alive.
const greedyRows = defineGreedyTool({
  name: 'greedy_rows',
  title: 'Greedy rows',
  description: 'Returns 50 rows of 1 MB, text cut, structured not.',
  input: z.object({}),
  output: z.object({ rows: z.array(rowSchema), columns: z.array(z.string()) }),
  annotations: { readOnlyHint: true },
  async handler({ maxChars }) {
    return {
      structured: { rows, columns: ['id', 'value'] },
      text: renderTable({ columns: ['id', 'value'], rows, maxChars }).text,
    };
  },
});

const greedyStrict = defineGreedyTool({
  name: 'greedy_strict',
  title: 'Greedy strict',
  description: 'A strict schema with its own required truncated flag.',
  input: z.object({}),
  output: z.object({ body: z.string(), status: z.enum(['open', 'closed']), truncated: z.boolean() }).strict(),
  annotations: { readOnlyHint: true },
  async handler() {
    return { structured: { body: '"\n'.repeat(3_000_000), status: 'open' as const, truncated: false }, text: 'open' };
  },
});

// Cuts its own output with the kit's helper, so its text and structured content agree.
const carefulRows = defineGreedyTool({
  name: 'careful_rows',
  title: 'Careful rows',
  description: 'Returns what fits, the same rows in text and structured content.',
  input: z.object({}),
  output: z.object({ rows: z.array(rowSchema), truncated: z.boolean() }),
  annotations: { readOnlyHint: true },
  async handler({ maxChars, maxStructuredChars }) {
    const fitted = fitJsonItems({ items: rows, maxChars: maxStructuredChars - 100, maxStringChars: 1000 });
    const table = renderTable({ columns: ['id', 'value'], rows: fitted.items, totalRows: rows.length, maxChars });
    return {
      structured: { rows: fitted.items.slice(0, table.shownRows), truncated: table.truncated || fitted.truncated },
      text: table.text,
    };
  },
});

// A schema the generic cut cannot keep: a cut string no longer matches its pattern.
const greedyPattern = defineGreedyTool({
  name: 'greedy_pattern',
  title: 'Greedy pattern',
  description: 'A long string that must match a pattern.',
  input: z.object({}),
  output: z.object({ code: z.string().regex(/^[a-z]+$/) }),
  annotations: { readOnlyHint: true },
  async handler() {
    return { structured: { code: 'a'.repeat(100_000) }, text: 'a code' };
  },
});

const greedyConnector = defineConnector({
  name: 'greedy',
  packageName: '@connectormcp/greedy',
  title: 'Greedy',
  version: '0.0.0',
  environment: defineEnvironment({}),
  allowWritesVariable: 'GREEDY_ALLOW_WRITES',
  configFromEnvironment: () => ({ allowWrites: false }),
  secretsOf: () => [],
  createContext: () => ({ close: async () => {} }),
  tools: [greedyRows, greedyStrict, carefulRows, greedyPattern],
  check: async () => ({ summary: 'greedy' }),
});

async function connect({ maxStructuredChars }: { maxStructuredChars?: number } = {}) {
  const connector = createConnectorServer({
    connector: greedyConnector,
    config: { allowWrites: false },
    maxResultChars: 20_000,
    ...(maxStructuredChars ? { maxStructuredChars } : {}),
  });
  const connected = await connectInMemory({ server: connector.server });
  return { ...connected, cleanup: connector.cleanup };
}

describe('the structured budget', () => {
  let connection: Awaited<ReturnType<typeof connect>>;
  afterEach(async () => {
    await connection?.close();
    await connection?.cleanup();
  });

  it('adds an optional truncated flag to every output schema, keeping a tool’s own', async () => {
    connection = await connect();
    const { tools } = await connection.client.listTools();
    const rowsSchema = tools.find((tool) => tool.name === 'greedy_rows')!.outputSchema!;
    expect(rowsSchema.properties).toMatchObject({ truncated: { type: 'boolean' } });
    expect(rowsSchema.required).not.toContain('truncated');
    expect(rowsSchema.additionalProperties).toBe(false);
    const strictSchema = tools.find((tool) => tool.name === 'greedy_strict')!.outputSchema!;
    expect(strictSchema.required).toContain('truncated');
  });

  it('cuts a tool’s oversized structured content to the budget (50 rows of 1 MB)', async () => {
    connection = await connect();
    const report = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'greedy_rows',
      maxStructuredChars: 20_000,
      expectTruncated: true,
    });
    const kept = report.structured.rows as Array<{ id: number; value: string }>;
    expect(kept[0]!.id).toBe(0);
    expect(kept[0]!.value).toMatch(/… \[truncated: \d+ more characters\]$/);
    expect(report.structured.columns).toEqual(['id', 'value']);
  });

  it('keeps a strict schema valid and escapes counted', async () => {
    connection = await connect();
    const report = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'greedy_strict',
      maxStructuredChars: 20_000,
      expectTruncated: true,
    });
    expect(report.structured.status).toBe('open');
  });

  it('answers an error rather than a result its schema would refuse, when the generic cut cannot fit it', async () => {
    connection = await connect();
    await connection.client.listTools();
    const result = await connection.client.callTool({ name: 'greedy_pattern', arguments: {} });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect((result.content as Array<{ text: string }>)[0]!.text).toBe(
      'INTERNAL: The result of greedy_pattern does not fit the structured budget of 20000 characters.',
    );
    await connection.client.ping();
  });

  it('follows a separate structured budget', async () => {
    connection = await connect({ maxStructuredChars: 100_000 });
    const report = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'greedy_rows',
      maxStructuredChars: 100_000,
      expectTruncated: true,
    });
    expect(report.length).toBeGreaterThan(50_000);
  });

  it('leaves a tool that cuts its own output alone: text and structured content show the same rows', async () => {
    connection = await connect();
    const report = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'careful_rows',
      maxStructuredChars: 20_000,
      expectTruncated: true,
    });
    const kept = report.structured.rows as unknown[];
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.length).toBeLessThan(50);
    expect(report.text).toContain(`[truncated: showing ${kept.length} of 50 rows]`);
  });
});

describe('the structured budget of a connector process', () => {
  it('comes from MCP_STRUCTURED_MAX_CHARS, and the text shows the same rows as the structured content', async () => {
    const spawned = await spawnStdioClient({
      args: [fileURLToPath(new URL('./support/demo-bin.ts', import.meta.url))],
      env: { DEMO_API_KEY: 'demo-key-0123456789', DEMO_ITEMS: '5000', MCP_STRUCTURED_MAX_CHARS: '5000' },
    });
    try {
      const report = await callToolWithinStructuredBudget({
        client: spawned.client,
        name: 'list_items',
        arguments: { limit: 5000 },
        maxStructuredChars: 5000,
        expectTruncated: true,
      });
      const items = report.structured.items as unknown[];
      expect(items.length).toBeGreaterThan(50);
      expect(report.text).toContain(`[truncated: showing ${items.length} of 5000 rows`);
    } finally {
      await spawned.close();
    }
  });
});
