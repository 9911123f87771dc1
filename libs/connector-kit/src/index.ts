export { describeConnectorConfig, type ConnectorConfigDescription } from './cli/describe-connector-config.js';
export { runConnectorBin } from './cli/run-connector-bin.js';
export { runConnectorCli, type ConnectorCliOptions } from './cli/run-connector-cli.js';
export { commonEnvironment } from './config/common-environment.js';
export { describeEnvironment, type EnvironmentVariableFacts } from './config/describe-environment.js';
export { diagnoseUrl, maskUrlCredentials, type UrlExpectations } from './config/diagnose-url.js';
export {
  environmentBoolean,
  environmentEnum,
  environmentHost,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from './config/environment-schemas.js';
export {
  defineEnvironment,
  secretVariableNames,
  type EnvironmentSpec,
  type EnvironmentValues,
  type EnvironmentVariable,
} from './config/environment-spec.js';
export { readEnvironment, requireSetting } from './config/read-environment.js';
export { createConnectorRuntime, defaultMaxResultChars, type ConnectorRuntime } from './connector/connector-runtime.js';
export { createConnectorServer, type ConnectorServer } from './connector/create-connector-server.js';
export { createMcpServer } from './connector/create-mcp-server.js';
export {
  defineConnector,
  type ConnectorCheckResult,
  type ConnectorConfig,
  type ConnectorContext,
  type ConnectorDefinition,
} from './connector/define-connector.js';
export { bundleDownloadUrl } from './distribution/bundle-download-url.js';
export { bundleFileName } from './distribution/bundle-file-name.js';
export { type DistributedConnector } from './distribution/distributed-connector.js';
export {
  installInstructions,
  type InstallInstructions,
  type McpServerEntry,
  type VscodeInput,
} from './distribution/install-instructions.js';
export {
  installMarkdown,
  installSectionEnd,
  installSectionStart,
  replaceInstallSection,
} from './distribution/install-markdown.js';
export { registryName } from './distribution/registry-name.js';
export { ConnectorError, errorCodes, type ConnectorErrorOptions, type ErrorCode } from './errors/connector-error.js';
export { toConnectorError, type ErrorMapper } from './errors/to-connector-error.js';
export { errorCodeMetaKey, toToolErrorResult } from './errors/to-tool-error-result.js';
export { createLogger, createSilentLogger, type LogLevel, type Logger } from './logging/create-logger.js';
export { formatByteSize } from './output/format-byte-size.js';
export { fitJsonItems, type FittedJsonItems } from './output/fit-json-items.js';
export { fitStructuredOutput, type FittedStructuredOutput } from './output/fit-structured-output.js';
export { jsonLength } from './output/json-length.js';
export { renderTable, type RenderedTable } from './output/render-table.js';
export { truncateJsonValue, type JsonCuts, type TruncatedJsonValue } from './output/truncate-json-value.js';
export { truncateText, type TruncatedText } from './output/truncate-text.js';
export {
  createProgressReporter,
  type ProgressReporter,
  type ProgressUpdate,
  type ToolCallExtra,
} from './progress/progress-reporter.js';
export {
  defineResource,
  isResourceTemplate,
  type ResourceDefinition,
  type ResourceReadOptions,
} from './resources/define-resource.js';
export { createSecretRedactor, type SecretRedactor } from './secrets/secret-redactor.js';
export {
  defineTool,
  toolDefiner,
  type ToolDefinition,
  type ToolHandlerOptions,
  type ToolOutput,
} from './tools/define-tool.js';
export { serveStdio, type RunningTransport } from './transports/serve-stdio.js';
export { packageVersion } from './package-version.js';
