import { jsonLength } from './json-length.js';

/** What a cut removed, so a tool can say it in its text and the kit can log it. */
export interface JsonCuts {
  /** Strings shortened, each ending with a `… [truncated: N more characters]` marker. */
  strings: number;
  /** Arrays that lost their last items. */
  arrays: number;
  /** Array items left out in all. */
  omittedItems: number;
}

export interface TruncatedJsonValue<Value> {
  /** The same shape as the input: strings stay strings, arrays keep their first items, objects keep every key. */
  value: Value;
  truncated: boolean;
  cuts: JsonCuts;
  /** `jsonLength(value)` of the result. */
  length: number;
}

/** Strings this short are never cut: they are ids, names, dates and enum values that a schema may constrain. */
export const defaultMinimumStringChars = 64;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Cuts a JSON value to a character budget (its JSON length), keeping its shape so it still matches the
 * schema it was built for: long strings are shortened with a marker, arrays keep their first items, and
 * objects keep every key while their largest members share what the small ones leave. `maxStringChars`
 * also caps every string when the value already fits (a per-cell cap). When even the smallest shape does
 * not fit, the result is as small as the shape allows and `length` says so.
 */
export function truncateJsonValue<Value>({
  value,
  maxChars,
  maxStringChars,
  minimumStringChars = defaultMinimumStringChars,
  reserveChars = 0,
}: {
  value: Value;
  maxChars: number;
  /** Every string longer than this is cut, whatever the total. */
  maxStringChars?: number;
  minimumStringChars?: number;
  /** Room to leave free when a cut is needed, for something the caller adds then (a flag). */
  reserveChars?: number;
}): TruncatedJsonValue<Value> {
  const cuts: JsonCuts = { strings: 0, arrays: 0, omittedItems: 0 };
  // Dates become strings and undefined members disappear, exactly as on the wire.
  let plain = toPlainJson(value);
  if (plain === undefined) return { value, truncated: false, cuts, length: 0 };
  const fitter = createFitter({ cuts, minimumStringChars });
  if (maxStringChars !== undefined) plain = fitter.capStrings(plain, Math.max(maxStringChars, minimumStringChars));
  const length = fitter.lengthOf(plain);
  if (length <= maxChars && cuts.strings === 0) return { value, truncated: false, cuts, length };
  const room = maxChars - reserveChars;
  const fitted = length <= room ? { value: plain, length } : fitter.fit(plain, room);
  return { value: fitted.value as Value, truncated: true, cuts, length: fitted.length };
}

/**
 * The value as JSON would carry it, without serialising it: `toJSON` applied, undefined and functions
 * dropped from objects and turned into null in arrays. Strings are not copied.
 */
function toPlainJson(value: unknown, key = ''): Json | undefined {
  let current = value;
  if (
    current !== null &&
    typeof current === 'object' &&
    typeof (current as { toJSON?: unknown }).toJSON === 'function'
  ) {
    current = (current as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (current === null || typeof current === 'string' || typeof current === 'boolean') return current;
  if (typeof current === 'number') return Number.isFinite(current) ? current : null;
  if (typeof current === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (current === undefined || typeof current === 'function' || typeof current === 'symbol') return undefined;
  if (Array.isArray(current)) return current.map((item, index) => toPlainJson(item, String(index)) ?? null);
  const result: { [key: string]: Json } = {};
  for (const [memberKey, member] of Object.entries(current)) {
    const plain = toPlainJson(member, memberKey);
    if (plain !== undefined) result[memberKey] = plain;
  }
  return result;
}

/** The first `keep` characters of a text and a marker saying how many more there were. */
function markCut(text: string, keep: number): string {
  let prefix = text.slice(0, keep);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(prefix)) prefix = prefix.slice(0, -1);
  return `${prefix}… [truncated: ${text.length - prefix.length} more characters]`;
}

interface Fitted {
  value: Json;
  length: number;
}

function createFitter({ cuts, minimumStringChars }: { cuts: JsonCuts; minimumStringChars: number }) {
  const lengths = new WeakMap<object, number>();
  const lengthOf = (value: Json): number => {
    if (value === null || typeof value !== 'object') return jsonLength(value);
    const known = lengths.get(value);
    if (known !== undefined) return known;
    let length: number;
    if (Array.isArray(value)) {
      length = 2 + Math.max(0, value.length - 1);
      for (const item of value) length += lengthOf(item);
    } else {
      const entries = Object.entries(value);
      length = 2 + Math.max(0, entries.length - 1);
      for (const [key, member] of entries) length += jsonLength(key) + 1 + lengthOf(member);
    }
    lengths.set(value, length);
    return length;
  };

  const cutString = (text: string, maxChars: number): Fitted => {
    const length = jsonLength(text);
    if (length <= maxChars || text.length <= minimumStringChars) return { value: text, length };
    const markerLength = 2 + 40;
    let keep = Math.max(minimumStringChars, maxChars - markerLength);
    for (;;) {
      const cut = markCut(text, keep);
      const cutLength = jsonLength(cut);
      if (cutLength <= maxChars || keep <= minimumStringChars) {
        cuts.strings += 1;
        return { value: cut, length: cutLength };
      }
      // Escapes make JSON longer than the text: scale down by the ratio seen, then by at least one.
      const scaled = Math.floor((keep * (maxChars - markerLength)) / Math.max(1, cutLength - markerLength));
      keep = Math.max(minimumStringChars, Math.min(keep - 1, scaled));
    }
  };

  const capStrings = (value: Json, maxStringChars: number): Json => {
    if (typeof value === 'string') {
      if (value.length <= maxStringChars) return value;
      const cut = markCut(value, maxStringChars);
      // A marker longer than what it replaces would not save anything.
      if (cut.length >= value.length) return value;
      cuts.strings += 1;
      return cut;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => capStrings(item, maxStringChars));
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, capStrings(member, maxStringChars)]));
  };

  const fitArray = (items: Json[], maxChars: number): Fitted => {
    const kept: Json[] = [];
    let length = 2;
    for (const item of items) {
      const separator = kept.length > 0 ? 1 : 0;
      const itemLength = lengthOf(item);
      if (length + separator + itemLength <= maxChars) {
        kept.push(item);
        length += separator + itemLength;
        continue;
      }
      // The first item that does not fit whole is cut to the room left, when that room is worth it.
      const room = maxChars - length - separator;
      if (kept.length === 0 || room >= Math.max(256, minimumStringChars * 2)) {
        const fitted = fit(item, room);
        if (fitted.length <= room || kept.length === 0) {
          kept.push(fitted.value);
          length += separator + fitted.length;
        }
      }
      break;
    }
    if (kept.length < items.length) {
      cuts.arrays += 1;
      cuts.omittedItems += items.length - kept.length;
    }
    return { value: kept, length };
  };

  const fitObject = (object: { [key: string]: Json }, maxChars: number): Fitted => {
    const entries = Object.entries(object).map(([key, member]) => ({
      key,
      member,
      length: lengthOf(member),
      keyLength: jsonLength(key) + 1,
    }));
    let room =
      maxChars - 2 - Math.max(0, entries.length - 1) - entries.reduce((sum, entry) => sum + entry.keyLength, 0);
    // Water-filling: members smaller than an equal share stay whole; the large ones share the rest.
    const bySize = [...entries].sort((left, right) => left.length - right.length);
    const fittedMembers = new Map<string, Fitted>();
    bySize.forEach((entry, index) => {
      const share = Math.floor(room / (bySize.length - index));
      const fitted = entry.length <= share ? { value: entry.member, length: entry.length } : fit(entry.member, share);
      fittedMembers.set(entry.key, fitted);
      room -= fitted.length;
    });
    const result: { [key: string]: Json } = {};
    let length = 2 + Math.max(0, entries.length - 1);
    for (const entry of entries) {
      const fitted = fittedMembers.get(entry.key)!;
      result[entry.key] = fitted.value;
      length += entry.keyLength + fitted.length;
    }
    return { value: result, length };
  };

  const fit = (value: Json, maxChars: number): Fitted => {
    const length = lengthOf(value);
    if (length <= maxChars) return { value, length };
    if (typeof value === 'string') return cutString(value, maxChars);
    if (value === null || typeof value !== 'object') return { value, length };
    return Array.isArray(value) ? fitArray(value, maxChars) : fitObject(value, maxChars);
  };

  return { fit, capStrings, lengthOf };
}
