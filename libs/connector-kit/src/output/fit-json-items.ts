import { jsonLength } from './json-length.js';
import { truncateJsonValue } from './truncate-json-value.js';

export interface FittedJsonItems<Item> {
  /** The first items that fit, whole (their long strings capped). */
  items: Item[];
  /** Items left out at the end. */
  omittedItems: number;
  /** Strings cut by the per-item cap. */
  cutStrings: number;
  truncated: boolean;
}

/**
 * Keeps the first items of a list whose JSON fits a character budget, each with its strings capped at
 * `maxStringChars`: how a tool cuts rows, objects or issues for its structured output. Render the text
 * from the returned items, so the text never shows more than the structured content holds. The first
 * item is always kept, cut further when it alone does not fit.
 */
export function fitJsonItems<Item>({
  items,
  maxChars,
  maxStringChars,
}: {
  items: readonly Item[];
  /** Budget for the JSON array of the kept items. */
  maxChars: number;
  /** Every string longer than this is cut with a marker. */
  maxStringChars?: number;
}): FittedJsonItems<Item> {
  const kept: Item[] = [];
  let cutStrings = 0;
  let length = 2;
  for (const item of items) {
    const capped =
      maxStringChars === undefined
        ? { value: item, cuts: { strings: 0 }, length: jsonLength(item) }
        : truncateJsonValue({ value: item, maxChars: Number.MAX_SAFE_INTEGER, maxStringChars });
    const separator = kept.length > 0 ? 1 : 0;
    if (length + separator + capped.length > maxChars) {
      if (kept.length > 0) break;
      const fitted = truncateJsonValue({ value: capped.value, maxChars: maxChars - 2 });
      kept.push(fitted.value);
      cutStrings += capped.cuts.strings + fitted.cuts.strings;
      break;
    }
    kept.push(capped.value);
    cutStrings += capped.cuts.strings;
    length += separator + capped.length;
  }
  const omittedItems = items.length - kept.length;
  return { items: kept, omittedItems, cutStrings, truncated: omittedItems > 0 || cutStrings > 0 };
}
