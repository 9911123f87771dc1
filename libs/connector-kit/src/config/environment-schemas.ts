import { z } from 'zod';
import { diagnoseUrl, type UrlExpectations } from './diagnose-url.js';
import { recordSchemaFacts } from './environment-schema-facts.js';

// Environment values are strings; these schemas give each kind one readable error and treat an empty
// string like an unset variable, which is what people mean by `FOO=` in a config file.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export function environmentString<Default extends string | undefined = undefined>({
  default: defaultValue,
}: { default?: Default } = {}) {
  const schema = z.preprocess(blankToUndefined, z.string().optional());
  return recordSchemaFacts({
    schema: schema.transform(
      (value) => (value ?? defaultValue) as Default extends string ? string : string | undefined,
    ),
    facts: { format: 'string', ...(defaultValue === undefined ? {} : { default: defaultValue }) },
  });
}

const trueWords = ['true', '1', 'yes', 'on'];
const falseWords = ['false', '0', 'no', 'off'];

/** true/false, also 1/0, yes/no and on/off, in any case. */
export function environmentBoolean({ default: defaultValue = false }: { default?: boolean } = {}) {
  const schema = z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z
      .enum([...trueWords, ...falseWords] as [string, ...string[]], { error: 'expected true or false' })
      .optional()
      .transform((value) => (value === undefined ? defaultValue : trueWords.includes(value))),
  );
  return recordSchemaFacts({ schema, facts: { format: 'boolean', default: String(defaultValue) } });
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
  const expected = `expected a whole number ${range}`.trim();
  const schema = z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return defaultValue as Default extends number ? number : number | undefined;
        const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
        if (!Number.isSafeInteger(parsed)) {
          context.addIssue({ code: 'custom', message: expected });
          return z.NEVER;
        }
        if ((min !== undefined && parsed < min) || (max !== undefined && parsed > max)) {
          context.addIssue({ code: 'custom', message: `${parsed} is out of range: ${expected}` });
          return z.NEVER;
        }
        return parsed;
      }),
  );
  return recordSchemaFacts({
    schema,
    facts: {
      format: 'number',
      ...(defaultValue === undefined ? {} : { default: String(defaultValue) }),
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    },
  });
}

/**
 * Comma-separated list; blanks are dropped. With `item`, each entry must match its pattern, and the
 * first that does not is named with what is expected.
 */
export function environmentList({ item }: { item?: { pattern: RegExp; expected: string } } = {}) {
  const schema = z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return undefined;
        const items = value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry.length > 0);
        const invalid = item && items.find((entry) => !item.pattern.test(entry));
        if (item && invalid !== undefined) {
          context.addIssue({ code: 'custom', message: `${JSON.stringify(invalid)} is not ${item.expected}` });
          return z.NEVER;
        }
        return items;
      }),
  );
  return recordSchemaFacts({ schema, facts: { format: 'string' } });
}

/**
 * A URL, checked so that each mistake gets its own message (see diagnoseUrl): missing or unsupported
 * scheme, characters to percent-encode in the user name or password, port, host.
 */
export function environmentUrl(expectations: UrlExpectations = {}) {
  const schema = z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return undefined;
        const problem = diagnoseUrl({ value, ...expectations });
        if (problem) {
          context.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        return value.trim();
      }),
  );
  return recordSchemaFacts({ schema, facts: { format: 'string' } });
}

// Loose on purpose (underscores, internationalised names, trailing dots all occur): it catches what is
// surely not a host name, such as a path, a space or credentials.
const hostNamePattern = /^[^\s/?#@\\'"<>|^`{}[\]:,;]+$/u;
const ipv6Pattern = /^\[?[0-9a-f:.]*:[0-9a-f:.]*(?:%[\w.-]+)?\]?$/i;

/**
 * A host name or IP address alone. A URL, a port or a path in it is named as such, pointing to the
 * variables that take them.
 */
export function environmentHost<Default extends string | undefined = undefined>({
  default: defaultValue,
  urlVariable,
  portVariable,
}: {
  default?: Default;
  /** The variable that takes a whole URL, named when a URL is given here. */
  urlVariable?: string;
  /** The variable that takes the port, named when a port is given here. */
  portVariable?: string;
} = {}) {
  const schema = z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return defaultValue as Default extends string ? string : string | undefined;
        const host = value.trim();
        const problem = /^[a-z][a-z0-9+.-]*:\/\//i.test(host)
          ? `expected a host name, not a URL${urlVariable ? ` (a whole URL goes in ${urlVariable})` : ''}`
          : /^[^:[\]]+:\d*$/.test(host) || /^\[.*\]:\d*$/.test(host)
            ? `expected a host name without a port${portVariable ? ` (set the port in ${portVariable})` : ''}`
            : hostNamePattern.test(host) || ipv6Pattern.test(host)
              ? undefined
              : 'expected a host name or IP address, such as db.example.com or 10.0.0.5';
        if (problem) {
          context.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        return host.replace(/^\[(.*)\]$/, '$1');
      }),
  );
  return recordSchemaFacts({
    schema,
    facts: { format: 'string', ...(defaultValue === undefined ? {} : { default: defaultValue }) },
  });
}

export function environmentEnum<const Values extends readonly [string, ...string[]]>({
  values,
  default: defaultValue,
}: {
  values: Values;
  default: Values[number];
}) {
  // Matched in any case: LOG_LEVEL=INFO means info.
  const canonical = (value: unknown) =>
    typeof value === 'string'
      ? (values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ?? value)
      : value;
  const schema = z.preprocess(
    (value) => canonical(blankToUndefined(value)),
    z
      .enum(values, { error: `expected one of ${values.join(', ')}` })
      .optional()
      .transform((value) => value ?? defaultValue),
  );
  return recordSchemaFacts({ schema, facts: { format: 'string', default: defaultValue, choices: [...values] } });
}
