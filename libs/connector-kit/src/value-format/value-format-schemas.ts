import { z } from 'zod';
import { valueFormatKeyword, type ExtendedFormat } from './read-value-format.js';

/** A base-10 number as text, optionally signed, with its digits as the source gave them. */
export const decimalPattern = /^-?\d+(\.\d+)?$/;

/** An ISO 4217 currency code. */
export const currencyCodePattern = /^[A-Z]{3}$/;

function marked<Schema extends z.ZodType>({ schema, format }: { schema: Schema; format: ExtendedFormat }): Schema {
  return schema.meta({ [valueFormatKeyword]: format }) as Schema;
}

/**
 * An ISO 8601 date and time with a UTC offset (`2024-05-01T09:30:00Z`, `…+02:00`): JSON Schema
 * `format: "date-time"`. Checked on both sides: by zod before sending, by AJV in the client.
 */
export function dateTimeString() {
  return z.iso.datetime({ offset: true });
}

/** A calendar date, `YYYY-MM-DD`: JSON Schema `format: "date"`. */
export function dateString() {
  return z.iso.date();
}

/** A base-10 number kept as a string so that no precision is lost (SQL DECIMAL, money amounts). */
export function decimalString() {
  return marked({ schema: z.string().regex(decimalPattern), format: 'decimal' });
}

/** An amount of money: a decimal amount and its ISO 4217 currency code. */
// Pure: a bundle that imports only the reader drops it.
export const moneySchema = /* @__PURE__ */ marked({
  schema: z.object({
    amount: decimalString().describe('Amount, a decimal number as a string.'),
    currency_code: z.string().regex(currencyCodePattern).describe('ISO 4217 currency code.'),
  }),
  format: 'money',
});

export type Money = z.output<typeof moneySchema>;

/** A size in bytes. */
export function bytesNumber() {
  return marked({ schema: z.number().int().min(0), format: 'bytes' });
}

/** A duration in milliseconds. */
export function millisecondsNumber() {
  return marked({ schema: z.number().min(0), format: 'milliseconds' });
}

/** A long opaque identifier (a Shopify gid, an S3 ETag, a Jira account id), shown shortened with a copy button. */
export function identifierString() {
  return marked({ schema: z.string(), format: 'identifier' });
}
