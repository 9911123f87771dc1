import { z } from 'zod';
import { readValueFormat } from './read-value-format.js';
import {
  bytesNumber,
  dateString,
  dateTimeString,
  decimalString,
  identifierString,
  millisecondsNumber,
  moneySchema,
} from './value-format-schemas.js';

// The conversion the MCP SDK applies to output schemas (zod 4: toJSONSchema, draft-07, output side).
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
}

describe('value format schemas', () => {
  it('emit annotations the reader finds, also after describe, nullable and optional', () => {
    const output = z.object({
      created_at: dateTimeString().describe('When it was created.'),
      due: dateString().nullable(),
      price: decimalString().describe('Price.'),
      total: moneySchema.describe('Total.'),
      size: bytesNumber().optional(),
      elapsed: millisecondsNumber().nullable().describe('Elapsed.'),
      id: identifierString().describe('Global id.'),
    });
    const properties = jsonSchemaOf(output).properties as Record<string, unknown>;
    expect(
      Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, readValueFormat({ schema })])),
    ).toEqual({
      created_at: 'date-time',
      due: 'date',
      price: 'decimal',
      total: 'money',
      size: 'bytes',
      elapsed: 'milliseconds',
      id: 'identifier',
    });
    const total = properties.total as { properties: Record<string, unknown> };
    expect(readValueFormat({ schema: total.properties.amount })).toBe('decimal');
  });

  it('date-time requires an ISO 8601 offset', () => {
    expect(dateTimeString().safeParse('2024-05-01T09:30:00Z').success).toBe(true);
    expect(dateTimeString().safeParse('2024-05-01T09:30:00.123+02:00').success).toBe(true);
    expect(dateTimeString().safeParse('2024-05-01T09:30:00').success).toBe(false);
    expect(dateTimeString().safeParse('2024-05-01T09:30:00.000+0200').success).toBe(false);
    expect(dateString().safeParse('2024-02-30').success).toBe(false);
  });

  it('decimal keeps its digits as text and refuses anything else', () => {
    expect(decimalString().parse('-1234.5000')).toBe('-1234.5000');
    for (const bad of ['1e5', '12,50', '', ' 1', 'NaN']) expect(decimalString().safeParse(bad).success).toBe(false);
    expect(moneySchema.safeParse({ amount: '12.50', currency_code: 'EUR' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: '12.50', currency_code: 'eur' }).success).toBe(false);
  });

  it('units are non-negative numbers, bytes whole', () => {
    expect(bytesNumber().safeParse(1.5).success).toBe(false);
    expect(bytesNumber().safeParse(-1).success).toBe(false);
    expect(millisecondsNumber().safeParse(12.5).success).toBe(true);
  });
});
