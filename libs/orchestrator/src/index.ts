export { buildSystemPrompt } from './build-system-prompt.js';
export type { ChatErrorCode, ChatEvent, ChatUsage, ToolCallStatus } from './chat-events.js';
export type { ConnectionState, ConnectorStatus } from './connector-connection.js';
export { createConnectorHub, type ConnectorHub, type DatasourceTestResult, type HubTool } from './connector-hub.js';
export { datasourceConfigSchema, type DatasourceConfig, type DatasourceConfigInput } from './datasource-config.js';
export { estimateCost } from './estimate-cost.js';
export { toModelToolName } from './model-tool-name.js';
export { packageVersion } from './package-version.js';
export { defaultModel, runChat, type ApprovalRequest, type RunChatOptions, type RunChatResult } from './run-chat.js';
