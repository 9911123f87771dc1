import type { ColumnKind } from './column-kind.js';
import { fractionDigitsOf, isDecimalText } from './decimal-text.js';

export interface Money {
  amount: string;
  currency_code: string;
}

export const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Money).amount === 'string' &&
  typeof (value as Money).currency_code === 'string';

const dateOnlyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

// Formatters are costly to build and a table formats thousands of cells.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<Formatter extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => Formatter) {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter as Formatter;
}

/**
 * A decimal string formatted exactly (Intl formats the string itself, so 17+ significant digits survive)
 * with its own number of fraction digits and the locale's grouping.
 */
export function formatDecimal({ text, locale }: { text: string; locale?: string }): string {
  const digits = Math.min(fractionDigitsOf(text), 100);
  const formatter = cached(
    `decimal:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  );
  return formatter.format(text.trim() as Intl.StringNumericLiteral);
}

/** Amount and currency, at least the currency's usual precision and never fewer digits than it came with. */
export function formatMoney({ money, locale }: { money: Money; locale?: string }): string {
  if (!isDecimalText(money.amount)) return `${money.amount} ${money.currency_code}`;
  try {
    const usual = cached(
      `currency:${locale}:${money.currency_code}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency_code }),
    ).resolvedOptions().maximumFractionDigits!;
    const digits = Math.min(Math.max(usual, fractionDigitsOf(money.amount)), 100);
    return cached(
      `money:${locale}:${money.currency_code}:${usual}:${digits}`,
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: money.currency_code,
          minimumFractionDigits: usual,
          maximumFractionDigits: digits,
        }),
    ).format(money.amount.trim() as Intl.StringNumericLiteral);
  } catch {
    // Not an ISO 4217 code Intl knows: still show both parts.
    return `${formatDecimal({ text: money.amount, ...(locale ? { locale } : {}) })} ${money.currency_code}`;
  }
}

/** A calendar date stays that date everywhere: it is read and shown in UTC, never shifted by a zone. */
export function formatDate({ text, locale }: { text: string; locale?: string }): string {
  const match = dateOnlyPattern.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

/** An instant, shown in the reader's own zone and locale. */
export function formatDateTime({ text, locale, timeZone }: { text: string; locale?: string; timeZone?: string }) {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  return cached(
    `date-time:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
  ).format(time);
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** 1536 → "1.5 kB": steps of 1024 as storage consoles count them, named in the locale's words. */
export function formatBytes({ bytes, locale }: { bytes: number; locale?: string }): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return cached(
    `bytes:${locale}:${unit}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: byteUnits[unit],
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  ).format(value);
}

export function formatMilliseconds({ milliseconds, locale }: { milliseconds: number; locale?: string }): string {
  if (Math.abs(milliseconds) < 1_000)
    return cached(
      `ms:${locale}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }),
    ).format(milliseconds);
  return cached(
    `s:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }),
  ).format(milliseconds / 1_000);
}

/** Long opaque ids keep their start and end: "gid://shopify/Order/1234567890" → "gid://sh…7890". */
export function shortenIdentifier({ text }: { text: string }): string {
  return text.length <= 16 ? text : `${text.slice(0, 8)}…${text.slice(-6)}`;
}

/** One value as text for a cell; null and absent values are empty (not "NULL"). */
export function formatValue({ value, kind, locale }: { value: unknown; kind: ColumnKind; locale?: string }): string {
  if (value === null || value === undefined) return '';
  const options = locale ? { locale } : {};
  switch (kind) {
    case 'money':
      return isMoney(value) ? formatMoney({ money: value, ...options }) : JSON.stringify(value);
    case 'decimal':
      if (isDecimalText(value)) return formatDecimal({ text: value, ...options });
      if (typeof value === 'number') return formatDecimal({ text: String(value), ...options });
      break;
    case 'integer':
    case 'number':
      if (typeof value === 'number')
        return cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })).format(
          value,
        );
      if (isDecimalText(value)) return formatDecimal({ text: value, ...options });
      break;
    case 'date':
      if (typeof value === 'string') return formatDate({ text: value, ...options });
      break;
    case 'date-time':
      if (typeof value === 'string') return formatDateTime({ text: value, ...options });
      break;
    case 'bytes':
      if (typeof value === 'number') return formatBytes({ bytes: value, ...options });
      break;
    case 'milliseconds':
      if (typeof value === 'number') return formatMilliseconds({ milliseconds: value, ...options });
      break;
    case 'list':
      if (Array.isArray(value)) return value.map(String).join(', ');
      break;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
