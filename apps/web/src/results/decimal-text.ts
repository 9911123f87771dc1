const decimalPattern = /^[+-]?(\d+)(?:\.(\d+))?$/;

/** A base-10 number written out in full ("-1234.50"): no exponent, no grouping. */
export function isDecimalText(value: unknown): value is string {
  return typeof value === 'string' && decimalPattern.test(value.trim());
}

/** How many digits follow the point: "12.50" → 2. The precision a decimal column was stored with. */
export function fractionDigitsOf(text: string): number {
  return decimalPattern.exec(text.trim())?.[2]?.length ?? 0;
}

/** The canonical text of a decimal: no sign for zero, no leading or trailing zeros ("-012.50" → "-12.5"). */
export function normalizeDecimalText(text: string): string {
  const match = decimalPattern.exec(text.trim());
  if (!match) return text;
  const integer = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const digits = fraction ? `${integer}.${fraction}` : integer;
  const negative = text.trim().startsWith('-') && /[1-9]/.test(digits);
  return negative ? `-${digits}` : digits;
}

/**
 * The decimal as a JSON number when that loses nothing (the number prints back to the same value), else
 * undefined: 19.99 is safe, 12345678901234567.89 is not.
 */
export function decimalToExactNumber(text: string): number | undefined {
  if (!isDecimalText(text)) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  const printed = String(number);
  if (/e/i.test(printed)) return undefined;
  return normalizeDecimalText(printed) === normalizeDecimalText(text) ? number : undefined;
}

/** Compares two decimals exactly, digit by digit (no floating point): -1, 0 or 1. */
export function compareDecimalText(left: string, right: string): number {
  const a = normalizeDecimalText(left);
  const b = normalizeDecimalText(right);
  const negativeA = a.startsWith('-');
  const negativeB = b.startsWith('-');
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const magnitude = compareMagnitude(a.replace(/^-/, ''), b.replace(/^-/, ''));
  return negativeA ? -magnitude : magnitude;
}

function compareMagnitude(left: string, right: string): number {
  const [integerA = '', fractionA = ''] = left.split('.');
  const [integerB = '', fractionB = ''] = right.split('.');
  if (integerA.length !== integerB.length) return integerA.length < integerB.length ? -1 : 1;
  if (integerA !== integerB) return integerA < integerB ? -1 : 1;
  const width = Math.max(fractionA.length, fractionB.length);
  const paddedA = fractionA.padEnd(width, '0');
  const paddedB = fractionB.padEnd(width, '0');
  return paddedA === paddedB ? 0 : paddedA < paddedB ? -1 : 1;
}
