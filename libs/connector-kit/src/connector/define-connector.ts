import type { EnvironmentSpec } from '../config/environment-spec.js';
import type { ErrorMapper } from '../errors/to-connector-error.js';
import type { Logger } from '../logging/create-logger.js';
import type { ResourceDefinition } from '../resources/define-resource.js';
import type { ToolDefinition } from '../tools/define-tool.js';

export interface ConnectorContext {
  /** Releases pools, sockets and timers. Called once, on shutdown. */
  close(): Promise<void>;
}

export interface ConnectorConfig {
  /** Registers the tools that change data. Off unless the user opts in. */
  allowWrites: boolean;
}

export interface ConnectorCheckResult {
  /** One line: what was reached, as whom, and in which mode. */
  summary: string;
  /** Things that work but deserve attention (an account that can write, a missing scope). */
  warnings?: string[];
}

export interface ConnectorDefinition<
  Config extends ConnectorConfig = ConnectorConfig,
  Context extends ConnectorContext = ConnectorContext,
> {
  /** Short id: `mysql`; the MCP server is named `connectormcp-<name>`. */
  name: string;
  /** The npm package, for `--help` and `--version`. */
  packageName: string;
  /** Human name: `MySQL`. */
  title: string;
  version: string;
  /** Sent to the client at initialisation: how the tools fit together. */
  instructions?: string;
  environment: EnvironmentSpec;
  /** The variable that enables writes, read on its own when the rest of the config is invalid. */
  allowWritesVariable: string;
  /** Throws ConnectorError INVALID_CONFIG naming the variable at fault. */
  configFromEnvironment(options: { environment: Record<string, string | undefined> }): Config;
  /** Secret values in a config, so they can be redacted from every message and log. */
  secretsOf(options: { config: Config }): Array<string | undefined>;
  /**
   * Values the connection supplies for tool inputs it does not need from the caller (MySQL's `database`,
   * from MYSQL_DATABASE). Each tool whose input has such a field lists it with JSON Schema `default`, so a
   * client shows the value instead of asking for it. A required field becomes optional and is filled with
   * the default; an optional one only shows it (the tool resolves an omitted value itself, and may treat an
   * explicit one differently).
   */
  inputDefaults?(options: { config: Config }): Record<string, unknown>;
  /** Builds clients and pools. Must not connect: a connector lists its tools even when its source is down. */
  createContext(options: { config: Config; logger: Logger }): Context;
  tools: ReadonlyArray<ToolDefinition<Context, any, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  resources?: ReadonlyArray<ResourceDefinition<Context>>;
  /** Tests connectivity and credentials for `--check`; throws a ConnectorError when they fail. */
  check(options: { context: Context; signal: AbortSignal }): Promise<ConnectorCheckResult>;
  /**
   * Runs in the background once the server is up (not in `--check`, which calls `check` itself): a place
   * to warn in the log about risky setups, such as an account that can write. Failures are only logged.
   */
  onStart?(options: { context: Context; logger: Logger; signal: AbortSignal }): Promise<void>;
  /** Recognises the source's own errors (driver codes, HTTP statuses) as ConnectorErrors. */
  mapError?: ErrorMapper;
}

export function defineConnector<Config extends ConnectorConfig, Context extends ConnectorContext>(
  definition: ConnectorDefinition<Config, Context>,
): ConnectorDefinition<Config, Context> {
  const names = new Set<string>();
  for (const tool of definition.tools) {
    if (names.has(tool.name)) throw new Error(`Connector ${definition.name} declares tool ${tool.name} twice`);
    names.add(tool.name);
  }
  return definition;
}
