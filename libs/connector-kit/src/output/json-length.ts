/**
 * Characters a value takes as JSON: what the structured budget counts, since `structuredContent` travels
 * as JSON inside the JSON-RPC message. Values JSON cannot hold (undefined, functions) count as nothing.
 */
export function jsonLength(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
