export type { ApprovalRequest, ApproveToolCall } from './approval-request.js';
export { buildSystemPrompt } from './build-system-prompt.js';
export type { ChatErrorCode, ChatEvent, ChatUsage, ToolCallFinishedEvent, ToolCallStatus } from './chat-events.js';
export type { ConnectionState, ConnectorStatus } from './connector-connection.js';
export {
  createConnectorHub,
  type ConnectorHub,
  type ConnectorHubOptions,
  type DatasourceChanges,
  type DatasourceTestResult,
  type HubTool,
} from './connector-hub.js';
export {
  datasourceConfigSchema,
  datasourceTransport,
  maxExamples,
  type DatasourceConfig,
  type DatasourceConfigInput,
  type DatasourceTransport,
} from './datasource-config.js';
export type { DatasourceHealth, HealthChangeListener, HealthStatus } from './datasource-health.js';
export { datasourceExamples, defaultExamples } from './default-examples.js';
export { estimateCost } from './estimate-cost.js';
export { defaultToolResultTokens } from './execute-tool-call.js';
export { findTableProperty } from './find-table-property.js';
export type { JsonSchema } from './json-schema.js';
export { toModelToolName } from './model-tool-name.js';
export { packageVersion } from './package-version.js';
export { readToolError, toolErrorMetaKey, type ToolError } from './read-tool-error.js';
export { defaultModel, runChat, type RunChatOptions, type RunChatResult } from './run-chat.js';
export { runToolCall, type RunToolCallOptions, type RunToolCallResult } from './run-tool-call.js';
export { summarizeToolResult } from './summarize-tool-result.js';
export { toolResultForModel } from './tool-result-for-model.js';
