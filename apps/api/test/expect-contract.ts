import { z } from 'zod';

/**
 * Holds a real response against its contract schema: it must parse, and parsing must not drop anything
 * (zod strips keys a schema does not know), so a field added, renamed or recased outside the contract fails.
 */
export function expectContract<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `The response does not match its contract:\n${z.prettifyError(parsed.error)}\n${JSON.stringify(value).slice(0, 2000)}`,
    );
  expect(parsed.data).toEqual(value);
  return parsed.data;
}
