// The API's JSON shapes, as /work/coord/CONTRACT-14.md states them (one casing: camelCase). Declared here by
// hand only until the API package exports them type-only as `@connectormcp/api/contracts`; then this file
// becomes a plain `export type { … } from '@connectormcp/api/contracts'`.
import type { ChatErrorCode, ChatEvent, ChatUsage, ToolCallStatus } from '@connectormcp/orchestrator';

export type { ChatErrorCode, ChatUsage, ToolCallStatus };

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** What the orchestrator adds to `tool_call_finished` for #14 (optional until every hop sends it). */
interface ToolCallFinishedAdditions {
  errorCode?: string;
  retryable?: boolean;
  outputSchema?: JsonSchema;
  modelText?: string;
}

type WithFinishedAdditions<Event> = Event extends { type: 'tool_call_finished' }
  ? Event & ToolCallFinishedAdditions
  : Event;

/** One Server-Sent Event of a chat run: the orchestrator's events plus the API's `run` acknowledgement. */
export type ChatStreamEvent = { type: 'run'; runId: string; sessionId: string } | WithFinishedAdditions<ChatEvent>;

export type HealthStatus = 'checking' | 'connected' | 'degraded' | 'unreachable';

export interface DatasourceHealth {
  status: HealthStatus;
  /** Plain words, never a secret. */
  reason: string | null;
  checkedAt: string | null;
  latencyMs: number | null;
}

export interface DatasourceTool {
  name: string;
  title: string;
  description: string;
  readOnly: boolean;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema | null;
}

export interface Datasource {
  id: string;
  name: string;
  kind: string | null;
  health: DatasourceHealth;
  writes: boolean;
  examples: string[];
  tools: DatasourceTool[];
}

export interface ChatStatus {
  chat: { available: boolean; code: 'missing_api_key' | null; message: string | null; model: string };
}

export interface SessionSummary {
  id: string;
  title: string;
  datasources: string[];
  createdAt: string;
  updatedAt: string;
}

export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content?: unknown; is_error?: boolean }
  | { type: string; [key: string]: unknown };

export interface StoredMessage {
  id: number;
  role: 'user' | 'assistant';
  content: string | ContentBlock[];
  createdAt: string;
}

export interface StoredToolCall {
  id: string;
  runId: string;
  datasource: string;
  tool: string;
  arguments: unknown;
  status: ToolCallStatus;
  durationMs: number | null;
  summary: string | null;
  /** The tool's structured result, when it was small enough to store. */
  result?: unknown;
  errorCode: string | null;
  modelText: string | null;
  createdAt: string;
}

export interface StoredRun {
  id: string;
  status: 'running' | 'finished' | 'cancelled' | 'interrupted' | 'failed';
  createdAt: string;
  finishedAt: string | null;
  usage: ChatUsage | null;
  error: { code: ChatErrorCode; message: string; retryable: boolean } | null;
  /** The user message that started the run (for Retry). */
  question: string | null;
}

export interface SessionDetail extends SessionSummary {
  messages: StoredMessage[];
  toolCalls: StoredToolCall[];
  runs: StoredRun[];
  latestRun: StoredRun | null;
}

export interface ToolRunResult {
  content?: Array<{ type: string; text?: string }>;
  structuredContent?: unknown;
  isError: boolean;
  durationMs: number;
  errorCode: string | null;
  modelText: string;
  outputSchema: JsonSchema | null;
}

export interface ConnectionTest {
  datasourceId: string;
  status: 'ok' | 'error';
  toolCount: number;
  latencyMs: number;
  check?: string;
  error?: string;
}
