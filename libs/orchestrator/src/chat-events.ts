import type { JsonSchema } from './json-schema.js';

/** Why a run stopped early, for clients to react to (banners, retry buttons). */
export type ChatErrorCode =
  | 'missing_api_key'
  | 'rate_limited'
  | 'overloaded'
  | 'upstream'
  | 'step_limit'
  | 'token_budget'
  | 'cancelled'
  | 'tool_failed';

export type ToolCallStatus = 'ok' | 'error' | 'denied' | 'cancelled';

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** US dollars at list prices; an estimate, not a bill. */
  estimatedCostUsd: number;
}

/** Everything a run reports, as plain data (safe to serialise to SSE or a database). */
export type ChatEvent =
  | { type: 'text_delta'; text: string }
  | { type: 'tool_call_started'; id: string; datasource: string; tool: string; arguments: unknown }
  | { type: 'tool_call_progress'; id: string; progress: number; total?: number; message?: string }
  | {
      type: 'tool_call_finished';
      id: string;
      datasource: string;
      tool: string;
      status: ToolCallStatus;
      durationMs: number;
      /** One line for a tool card. */
      summary: string;
      /** The tool's structuredContent, for tables and charts (typed by `outputSchema`). */
      result?: unknown;
      /** The connector's stable error code (`INVALID_INPUT`, `UPSTREAM_UNAVAILABLE`, …) when it reported one. */
      errorCode?: string;
      /** Whether trying the same call again later may succeed, as the connector reported it. */
      retryable?: boolean;
      /** The tool's declared output schema: what `result` holds and how its values are formatted. */
      outputSchema?: JsonSchema;
      /** Exactly the text the model received for this call (cut to the budget, or the refusal or failure). */
      modelText: string;
    }
  | {
      type: 'approval_required';
      id: string;
      datasource: string;
      tool: string;
      arguments: unknown;
      destructive: boolean;
    }
  | ({ type: 'usage' } & ChatUsage)
  | { type: 'done'; stopReason: string }
  | { type: 'error'; code: ChatErrorCode; message: string; retryable: boolean };

export type ToolCallFinishedEvent = Extract<ChatEvent, { type: 'tool_call_finished' }>;
