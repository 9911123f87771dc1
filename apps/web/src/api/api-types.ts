// The API's wire contract, imported type-only from the API package: nothing of it is bundled, and a shape
// the API changes fails the web's typecheck instead of being copied by hand.
// The one app-to-app import allowed: type-only, so the web bundles none of the API (CONTRACT-14).
// eslint-disable-next-line @nx/enforce-module-boundaries
export type {
  ChatErrorCode,
  ChatStreamEvent,
  ChatUsage,
  ConnectionTest,
  ContentBlock,
  Datasource,
  DatasourceHealth,
  DatasourceHealthStatus,
  DatasourceTool,
  JsonSchema,
  SessionDetail,
  SessionSummary,
  StatusResponse,
  StoredMessage,
  StoredRun,
  StoredToolCall,
  ToolCallStatus,
  ToolRunResponse,
  // The name the explorer used before the contract existed.
  ToolRunResponse as ToolRunResult,
} from '@connectormcp/api/contracts';
