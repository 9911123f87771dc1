import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/**
 * The result `_meta` key under which ConnectorMCP connectors (the kit's `toToolErrorResult`) put a failed
 * call's stable error code. Spelled out rather than imported so the orchestrator does not depend on the kit;
 * the end-to-end tests read it from real connectors.
 */
export const toolErrorMetaKey = 'connectormcp/error';

export interface ToolError {
  /** Stable code: INVALID_INPUT, READ_ONLY, TIMEOUT, UPSTREAM_UNAVAILABLE, … */
  code: string;
  retryable: boolean;
}

/** The connector's stable error code and retryable flag of a failed call, or null when it reported none. */
export function readToolError({ result }: { result: CallToolResult }): ToolError | null {
  if (!result.isError) return null;
  const meta = result._meta?.[toolErrorMetaKey] as { code?: unknown; retryable?: unknown } | undefined;
  if (!meta || typeof meta.code !== 'string' || meta.code === '') return null;
  return { code: meta.code, retryable: meta.retryable === true };
}
