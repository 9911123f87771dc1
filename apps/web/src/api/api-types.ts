// The API's JSON shapes as the web app reads them (see apps/api/README.md).
import type {
  ChatErrorCode,
  ChatEvent,
  ConnectionState,
  DatasourceTestResult,
  ToolCallStatus,
} from '@connectormcp/orchestrator';

// The orchestrator's types are the contract of the chat stream; importing them as types keeps the app in
// step with it without bundling any of its code.
export type { ChatErrorCode, ToolCallStatus };

/** One Server-Sent Event of a chat run: the orchestrator's events plus the API's `run` acknowledgement. */
export type ChatStreamEvent = { type: 'run'; run_id: string; session_id: string } | ChatEvent;

export interface DatasourceTool {
  name: string;
  title: string;
  read_only: boolean;
  input_schema: JsonSchema;
}

export interface Datasource {
  id: string;
  name: string;
  kind: string | null;
  status: ConnectionState;
  error: string | null;
  writes: boolean;
  tools: DatasourceTool[];
}

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
}

export interface SessionSummary {
  id: string;
  title: string;
  datasources: string[];
  created_at: string;
  updated_at: string;
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
  created_at: string;
}

export interface StoredToolCall {
  id: string;
  run_id: string;
  datasource: string;
  tool: string;
  arguments: unknown;
  status: ToolCallStatus;
  duration_ms: number | null;
  summary: string | null;
  /** The tool's structured result, when it was small enough to store. */
  result?: unknown;
}

export interface SessionDetail extends SessionSummary {
  messages: StoredMessage[];
  tool_calls: StoredToolCall[];
  latest_run: { id: string; status: 'running' | 'finished' | 'cancelled' | 'interrupted'; created_at: string } | null;
}

export interface ToolRunResult {
  content?: Array<{ type: string; text?: string }>;
  structuredContent?: unknown;
  isError?: boolean;
  duration_ms: number;
}

export type ConnectionTest = DatasourceTestResult;
