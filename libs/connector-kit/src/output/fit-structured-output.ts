import { jsonLength } from './json-length.js';
import { truncateJsonValue, type JsonCuts } from './truncate-json-value.js';

export interface FittedStructuredOutput<Structured> {
  /** Within the budget; carries `truncated: true` when anything was cut. */
  structured: Structured & { truncated?: boolean };
  truncated: boolean;
  cuts: JsonCuts;
  /** `jsonLength(structured)`. */
  length: number;
}

const truncatedFlagLength = jsonLength({ truncated: true }) - 2 + 1;

/**
 * Fits a tool's structured output to the structured budget, the way the kit does for every result: the
 * value keeps its shape (see `truncateJsonValue`) and gains a top-level `truncated: true` when something
 * was cut. Output within the budget comes back unchanged.
 */
export function fitStructuredOutput<Structured extends Record<string, unknown>>({
  structured,
  maxChars,
  maxStringChars,
}: {
  structured: Structured;
  maxChars: number;
  /** Every string longer than this is cut, whatever the total. */
  maxStringChars?: number;
}): FittedStructuredOutput<Structured> {
  // Room for the flag is kept when cutting, so adding it never pushes the result over the budget.
  const { value, truncated, cuts, length } = truncateJsonValue({
    value: structured,
    maxChars,
    reserveChars: truncatedFlagLength,
    ...(maxStringChars !== undefined ? { maxStringChars } : {}),
  });
  if (!truncated) return { structured, truncated: false, cuts, length };
  const flagged = { ...value, truncated: true };
  return { structured: flagged, truncated: true, cuts, length: jsonLength(flagged) };
}
