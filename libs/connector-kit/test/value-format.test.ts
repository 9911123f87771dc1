// Output schemas carrying the value formats must pass the MCP SDK client's own output validation (AJV)
// without an error and without a word on the console: hosts print those warnings to their users.
import { jest } from '@jest/globals';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { z } from 'zod';
import { createConnectorServer } from '../src/connector/create-connector-server.js';
import { defineConnector } from '../src/connector/define-connector.js';
import { defineEnvironment } from '../src/config/environment-spec.js';
import { connectInMemory, type ConnectedClient } from '../src/testing/connect-in-memory.js';
import { createSilentLogger } from '../src/logging/create-logger.js';
import { toolDefiner } from '../src/tools/define-tool.js';
import {
  bytesNumber,
  dateString,
  dateTimeString,
  decimalString,
  identifierString,
  millisecondsNumber,
  moneySchema,
  readValueFormat,
} from '../src/value-format/index.js';

const defineTool = toolDefiner<{ close(): Promise<void> }>();

const orderSchema = z.object({
  id: identifierString(),
  created_at: dateTimeString(),
  ship_by: dateString().nullable(),
  total: moneySchema,
  weight_kg: decimalString().nullable(),
  attachment_bytes: bytesNumber(),
  processing_ms: millisecondsNumber(),
  item_count: z.number().int(),
});

const listOrders = defineTool({
  name: 'list_orders',
  title: 'List orders',
  description: 'Orders with every value format.',
  input: z.object({ bad_date: z.boolean().default(false) }),
  output: z.object({ orders: z.array(orderSchema) }),
  annotations: { readOnlyHint: true },
  async handler({ input }) {
    const order = {
      id: 'gid://shopify/Order/5501234567890',
      created_at: input.bad_date ? '2024-05-01 09:30:00' : '2024-05-01T09:30:00.000+02:00',
      ship_by: '2024-05-03',
      total: { amount: '1234.50', currency_code: 'EUR' },
      weight_kg: null,
      attachment_bytes: 2048,
      processing_ms: 12.5,
      item_count: 3,
    };
    return { structured: { orders: [order] }, text: 'one order' };
  },
});

const connector = defineConnector({
  name: 'formats',
  packageName: '@connectormcp/formats-test',
  title: 'Formats',
  version: '0.0.0',
  environment: defineEnvironment({}),
  allowWritesVariable: 'FORMATS_ALLOW_WRITES',
  configFromEnvironment: () => ({ allowWrites: false }),
  secretsOf: () => [],
  createContext: () => ({ close: async () => {} }),
  tools: [listOrders],
  check: async () => ({ summary: 'ok' }),
});

function captureConsole() {
  const calls: unknown[][] = [];
  const spies = (['warn', 'error', 'log', 'info', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...values: unknown[]) => void calls.push([method, ...values])),
  );
  return { calls, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('value formats through a real MCP client', () => {
  let connected: ConnectedClient;

  beforeAll(async () => {
    const { server } = createConnectorServer({
      connector,
      config: { allowWrites: false },
      logger: createSilentLogger(),
    });
    connected = await connectInMemory({ server });
  });
  afterAll(async () => connected.close());

  it('lists the formats in the output schema and validates the result silently', async () => {
    const console = captureConsole();
    try {
      const { tools } = await connected.client.listTools();
      const result = await connected.client.callTool({ name: 'list_orders', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { orders: unknown[] }).orders).toHaveLength(1);
      const orders = tools[0]!.outputSchema!.properties!.orders as { items: { properties: Record<string, unknown> } };
      const formats = Object.fromEntries(
        Object.entries(orders.items.properties).map(([key, schema]) => [key, readValueFormat({ schema })]),
      );
      expect(formats).toEqual({
        id: 'identifier',
        created_at: 'date-time',
        ship_by: 'date',
        total: 'money',
        weight_kg: 'decimal',
        attachment_bytes: 'bytes',
        processing_ms: 'milliseconds',
        item_count: undefined,
      });
    } finally {
      console.restore();
    }
    expect(console.calls).toEqual([]);
  });

  it('refuses a date-time without an offset before it leaves the server', async () => {
    const result = await connected.client.callTool({ name: 'list_orders', arguments: { bad_date: true } });
    expect(result.isError).toBe(true);
  });

  it('a custom `format` value is what the client warns about (the spelling the kit avoids)', () => {
    const console = captureConsole();
    try {
      const validate = new AjvJsonSchemaValidator().getValidator({
        type: 'object',
        properties: { amount: { type: 'string', format: 'decimal' } },
      });
      expect(validate({ amount: '1.50' }).valid).toBe(true);
    } finally {
      console.restore();
    }
    expect(console.calls.map(([method]) => method)).toContain('warn');
  });
});
