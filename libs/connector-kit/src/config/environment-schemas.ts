import { z } from 'zod';

// Environment values are strings; these schemas give each kind one readable error and treat an empty
// string like an unset variable, which is what people mean by `FOO=` in a config file.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export function environmentString<Default extends string | undefined = undefined>({
  default: defaultValue,
}: { default?: Default } = {}) {
  const schema = z.preprocess(blankToUndefined, z.string().optional());
  return schema.transform((value) => (value ?? defaultValue) as Default extends string ? string : string | undefined);
}

export function environmentBoolean({ default: defaultValue = false }: { default?: boolean } = {}) {
  return z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
      .optional()
      .transform((value) => (value === undefined ? defaultValue : ['true', '1', 'yes'].includes(value))),
  );
}

export function environmentInteger<Default extends number | undefined = undefined>({
  min,
  max,
  default: defaultValue,
}: {
  min?: number;
  max?: number;
  default?: Default;
} = {}) {
  const range =
    min !== undefined && max !== undefined
      ? `from ${min} to ${max}`
      : min !== undefined
        ? `of at least ${min}`
        : max !== undefined
          ? `of at most ${max}`
          : '';
  const message = `expected a whole number ${range}`.trim();
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return defaultValue as Default extends number ? number : number | undefined;
        const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
        if (
          !Number.isSafeInteger(parsed) ||
          (min !== undefined && parsed < min) ||
          (max !== undefined && parsed > max)
        ) {
          context.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return parsed;
      }),
  );
}

/** Comma-separated list; blanks are dropped. */
export function environmentList() {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value) =>
        value === undefined
          ? undefined
          : value
              .split(',')
              .map((item) => item.trim())
              .filter((item) => item.length > 0),
      ),
  );
}

export function environmentUrl({ protocols }: { protocols?: string[] } = {}) {
  const expected = protocols
    ? `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`
    : 'expected a URL';
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((value) => {
        if (value === undefined) return true;
        try {
          const url = new URL(value);
          return !protocols || protocols.includes(url.protocol);
        } catch {
          return false;
        }
      }, expected),
  );
}

export function environmentEnum<const Values extends readonly [string, ...string[]]>({
  values,
  default: defaultValue,
}: {
  values: Values;
  default: Values[number];
}) {
  return z.preprocess(
    blankToUndefined,
    z
      .enum(values, { error: `expected one of ${values.join(', ')}` })
      .optional()
      .transform((value) => value ?? defaultValue),
  );
}
