import {
  bytesNumber,
  dateTimeString,
  decimalString,
  identifierString,
  moneySchema,
} from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import type { JsonSchema } from '../api/api-types.js';
import { tablesFromSchema } from './tables-from-schema.js';

// What the MCP SDK sends as a tool's output schema (zod 4 → JSON Schema draft-07, output side).
const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as JsonSchema;

const listOrdersOutput = jsonSchemaOf(
  z.object({
    orders: z.array(
      z.object({
        id: identifierString(),
        name: z.string(),
        created_at: dateTimeString(),
        customer: z.string().nullable(),
        total: moneySchema.nullable(),
        item_count: z.number().int(),
      }),
    ),
    next_cursor: z.string().nullable(),
    truncated: z.boolean(),
  }),
);

describe('tablesFromSchema', () => {
  it('finds an array of objects and types its columns from the schema, in order', () => {
    const result = {
      orders: [
        {
          id: 'gid://shopify/Order/1001',
          name: '#1001',
          created_at: '2026-01-05T10:00:00Z',
          customer: null,
          total: { amount: '25.00', currency_code: 'EUR' },
          item_count: 2,
        },
        // A property missing from the data is an absent cell, not a shifted column.
        { name: '#1002', item_count: 1 },
      ],
      next_cursor: null,
      truncated: false,
    };
    const [table, ...others] = tablesFromSchema({ result, outputSchema: listOrdersOutput });
    expect(others).toEqual([]);
    expect(table!.name).toBe('orders');
    expect(table!.columns.map(({ key, label, kind }) => [key, label, kind])).toEqual([
      ['id', 'Id', 'identifier'],
      ['name', 'Name', 'text'],
      ['created_at', 'Created at', 'date-time'],
      ['customer', 'Customer', 'text'],
      ['total', 'Total', 'money'],
      ['item_count', 'Item count', 'integer'],
    ]);
    expect(table!.rows[0]![4]).toEqual({ amount: '25.00', currency_code: 'EUR' });
    expect(table!.rows[1]).toEqual([undefined, '#1002', undefined, undefined, undefined, 1]);
  });

  it('reads the SQL shape with each column typed by its format', () => {
    const outputSchema = jsonSchemaOf(
      z.object({
        columns: z.array(z.object({ name: z.string(), type: z.string(), format: z.string().optional() })),
        rows: z.array(z.array(z.unknown())),
        row_count: z.number(),
      }),
    );
    const result = {
      columns: [
        { name: 'sku', type: 'VARCHAR' },
        { name: 'price', type: 'DECIMAL', format: 'decimal' },
        { name: 'sold_on', type: 'DATE', format: 'date' },
        { name: 'quantity', type: 'LONG' },
        { name: 'weight', type: 'DOUBLE' },
        { name: 'made', type: 'YEAR' },
      ],
      rows: [['A-1', '9.50', '2026-01-05', 3, 0.25, 2026]],
      row_count: 1,
    };
    const [table] = tablesFromSchema({ result, outputSchema });
    // Without a format, the declared type tells numbers from text.
    expect(table!.columns.map((column) => column.kind)).toEqual([
      'text',
      'decimal',
      'date',
      'integer',
      'number',
      'text',
    ]);
    expect(table!.rows).toEqual([['A-1', '9.50', '2026-01-05', 3, 0.25, 2026]]);
  });

  it('guesses nothing: no table without an array-of-objects property in the schema', () => {
    const outputSchema = jsonSchemaOf(z.object({ text: z.string(), size: bytesNumber(), price: decimalString() }));
    expect(tablesFromSchema({ result: { text: 'hello', size: 3, price: '1.00' }, outputSchema })).toEqual([]);
    // Rows in the data but not in the schema stay JSON.
    expect(
      tablesFromSchema({ result: { items: [{ a: 1 }] }, outputSchema: jsonSchemaOf(z.object({ items: z.unknown() })) }),
    ).toEqual([]);
    expect(tablesFromSchema({ result: { items: [{ a: 1 }] }, outputSchema: null })).toEqual([]);
  });
});
