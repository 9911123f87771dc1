import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { isDeepStrictEqual } from 'node:util';
import { createConnectorConnection, type ConnectorConnection, type ConnectorStatus } from './connector-connection.js';
import { createHealthMonitor, type HealthMonitor } from './create-health-monitor.js';
import type { DatasourceConfig, DatasourceConfigInput } from './datasource-config.js';
import type { DatasourceHealth, HealthChangeListener } from './datasource-health.js';
import { readToolError } from './read-tool-error.js';
import { toModelToolName } from './model-tool-name.js';
import { parseDatasourceConfigs } from './parse-datasource-configs.js';

export interface HubTool {
  /** The name the model sees: `datasource__tool`. */
  modelName: string;
  datasourceId: string;
  datasourceName: string;
  tool: Tool;
  /** Tools not annotated read-only need a human's approval before they run. */
  readOnly: boolean;
}

export interface DatasourceTestResult {
  datasourceId: string;
  status: 'ok' | 'error';
  toolCount: number;
  latencyMs: number;
  /** The connector's own `--check` line. */
  check?: string;
  error?: string;
}

export interface DatasourceChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface ConnectorHub {
  datasources(): DatasourceConfig[];
  /**
   * Replaces the set of datasources, all or nothing (an invalid one or a repeated id throws and changes
   * nothing). A datasource whose config is unchanged keeps its running connector, tool list and health; a
   * changed one is closed and started afresh on next use (so a rotated secret takes effect on the next call);
   * a removed one is closed. Calls are applied one at a time, in order.
   */
  setDatasources(datasources: DatasourceConfigInput[]): Promise<DatasourceChanges>;
  status(datasourceId: string): ConnectorStatus;
  /** Tools of the given datasources in a stable order, so prompt-cache prefixes stay stable. */
  tools(options: {
    datasourceIds: string[];
  }): Promise<{ tools: HubTool[]; failures: Array<{ datasourceId: string; error: string }> }>;
  callTool(options: {
    datasourceId: string;
    name: string;
    arguments: Record<string, unknown>;
    signal?: AbortSignal;
    timeoutMs?: number;
    onProgress?: (update: { progress: number; total?: number; message?: string }) => void;
  }): Promise<CallToolResult>;
  /** Runs the connector's own check and tool listing; refreshes the datasource's health too. */
  test(datasourceId: string): Promise<DatasourceTestResult>;
  /**
   * The datasource's live health, from its connector's own check. The first call starts the checks for that
   * datasource (and returns `checking` until one finished); `startHealthChecks` starts them for all at once.
   */
  health(datasourceId: string): DatasourceHealth;
  /** Checks the datasource now (joining a check in flight) and resolves with its health. */
  checkHealth(datasourceId: string): Promise<DatasourceHealth>;
  /** Starts checking every enabled datasource now and every `healthCheckIntervalMs`. */
  startHealthChecks(): void;
  /** Listens to health changes (status or reason); returns a function that stops listening. */
  onHealthChange(listener: HealthChangeListener): () => void;
  /** Stops the connectors and the health checks. */
  close(): Promise<void>;
}

export interface ConnectorHubOptions {
  datasources: DatasourceConfigInput[];
  /** How often each datasource's connector checks its source (default 60 000 ms). */
  healthCheckIntervalMs?: number;
  /** A check slower than this makes a datasource degraded (default 10 000 ms). */
  slowHealthCheckMs?: number;
  /** Called when a datasource's health status or reason changes. */
  onHealthChange?: HealthChangeListener;
}

/** How long a call may run before its source's health is checked. */
const slowCallMs = 5000;

/**
 * Codes of failed calls that say the source is down, refusing calls or set up wrong: a check follows, and if it
 * passes the datasource is degraded. A TIMEOUT only leads to a check: one heavy query says nothing of the source.
 */
const sourceFailureCodes = new Set(['UPSTREAM_UNAVAILABLE', 'RATE_LIMITED', 'INVALID_CONFIG']);

/**
 * The MCP client pool: one connector per datasource (a process over stdio, or a session with a remote server
 * over HTTP), started lazily and shared by every chat. Datasources are plain data, validated on creation and
 * replaceable at run time with `setDatasources`.
 */
export function createConnectorHub({
  datasources,
  healthCheckIntervalMs = 60_000,
  slowHealthCheckMs = 10_000,
  onHealthChange,
}: ConnectorHubOptions): ConnectorHub {
  let configs = parseDatasourceConfigs({ datasources });
  const listeners = new Set<HealthChangeListener>(onHealthChange ? [onHealthChange] : []);
  const connections = new Map<string, ConnectorConnection>();
  const monitors = new Map<string, HealthMonitor>();
  let healthChecksStarted = false;
  let closed = false;

  const createMonitor = (config: DatasourceConfig) =>
    createHealthMonitor({
      // Looked up at check time: the connection is the datasource's current one (none once it was removed).
      check: async (options) =>
        (await connections.get(config.id)?.check(options)) ?? { ok: false, output: `${config.name} was removed.` },
      environment: { ...config.env, ...config.headers },
      intervalMs: healthCheckIntervalMs,
      failureDelayMs: 500,
      failureGapMs: 3000,
      slowCheckMs: slowHealthCheckMs,
      // Longer than the kit's own 20 s limit, so that its message says what timed out.
      checkTimeoutMs: 25_000,
      onChange: (health) => {
        for (const listener of listeners) {
          try {
            listener({ datasourceId: config.id, health });
          } catch {
            // A listener's failure is its own; the other listeners and the checks go on.
          }
        }
      },
    });
  const open = (config: DatasourceConfig) => {
    connections.set(config.id, createConnectorConnection({ datasource: config }));
    if (!config.enabled) return;
    const created = createMonitor(config);
    monitors.set(config.id, created);
    if (healthChecksStarted) created.start();
  };
  const shut = async (datasourceId: string) => {
    const current = connections.get(datasourceId);
    connections.delete(datasourceId);
    monitors.get(datasourceId)?.close();
    monitors.delete(datasourceId);
    await current?.close();
  };
  for (const config of configs) open(config);

  const connection = (datasourceId: string) => {
    const found = connections.get(datasourceId);
    if (!found || !found.datasource.enabled) throw new Error(`Unknown or disabled datasource: ${datasourceId}`);
    return found;
  };
  const monitor = (datasourceId: string) => {
    connection(datasourceId);
    return monitors.get(datasourceId)!;
  };

  // Each change is applied at once and whole (nothing in it awaits), so changes never interleave; each call
  // resolves once its own closings and those of the calls before it are done.
  let changing: Promise<unknown> = Promise.resolve();
  const replaceDatasources = (next: DatasourceConfig[]): Promise<DatasourceChanges> => {
    const previous = new Map(configs.map((config) => [config.id, config]));
    const nextIds = new Set(next.map((config) => config.id));
    const changes: DatasourceChanges = { added: [], changed: [], removed: [] };
    for (const config of next) {
      const before = previous.get(config.id);
      if (!before) changes.added.push(config.id);
      else if (!isDeepStrictEqual(before, config)) changes.changed.push(config.id);
    }
    for (const id of previous.keys()) if (!nextIds.has(id)) changes.removed.push(id);
    const closing = [...changes.changed, ...changes.removed].map((id) => shut(id));
    configs = next;
    for (const config of next) if (!connections.has(config.id)) open(config);
    const done = Promise.all([changing, ...closing]).then(() => changes);
    changing = done.catch(() => {});
    return done;
  };

  return {
    datasources: () => configs,
    async setDatasources(datasources) {
      if (closed) throw new Error('The connector hub is closed');
      return replaceDatasources(parseDatasourceConfigs({ datasources }));
    },
    status: (datasourceId) => connection(datasourceId).status(),
    async tools({ datasourceIds }) {
      const tools: HubTool[] = [];
      const failures: Array<{ datasourceId: string; error: string }> = [];
      const sorted = [...new Set(datasourceIds)].sort();
      const lists = await Promise.all(
        sorted.map(async (datasourceId) => {
          try {
            return { datasourceId, tools: await connection(datasourceId).tools() };
          } catch (error) {
            failures.push({ datasourceId, error: (error as Error).message });
            // A connector that cannot start or list its tools is worth a check (enabled datasources only).
            monitors.get(datasourceId)?.reportCallFailure(`the connector failed: ${(error as Error).message}`);
            return { datasourceId, tools: [] as Tool[] };
          }
        }),
      );
      for (const { datasourceId, tools: list } of lists) {
        // Looked up without throwing: an unknown datasource is already among the failures, with no tools.
        const name = connections.get(datasourceId)?.datasource.name ?? datasourceId;
        for (const tool of [...list].sort((a, b) => a.name.localeCompare(b.name))) {
          tools.push({
            modelName: toModelToolName({ datasourceId, toolName: tool.name }),
            datasourceId,
            datasourceName: name,
            tool,
            readOnly: tool.annotations?.readOnlyHint === true,
          });
        }
      }
      return { tools, failures };
    },
    async callTool({ datasourceId, ...options }) {
      const target = connection(datasourceId);
      const health = monitor(datasourceId);
      // A source that died may leave a call waiting for its own time limit rather than failing: check it then.
      const slow = setTimeout(() => health.reportSlowCall(), slowCallMs);
      slow.unref();
      let result: CallToolResult;
      try {
        result = await target.callTool(options);
      } catch (error) {
        if (!options.signal?.aborted) health.reportCallFailure(`the connector failed: ${(error as Error).message}`);
        throw error;
      } finally {
        clearTimeout(slow);
      }
      const failure = readToolError({ result });
      if (failure?.code === 'TIMEOUT') health.reportSlowCall();
      else if (failure && sourceFailureCodes.has(failure.code)) health.reportCallFailure(firstLineOf({ result }));
      else if (!result.isError || failure) health.reportCallSuccess();
      return result;
    },
    async test(datasourceId) {
      const started = performance.now();
      const target = connection(datasourceId);
      try {
        const tools = await target.tools();
        const { outcome: check } = await monitor(datasourceId).refresh();
        return {
          datasourceId,
          status: check.ok ? 'ok' : 'error',
          toolCount: tools.length,
          latencyMs: Math.round(performance.now() - started),
          check: check.output,
          ...(check.ok ? {} : { error: check.output }),
        };
      } catch (error) {
        return {
          datasourceId,
          status: 'error',
          toolCount: 0,
          latencyMs: Math.round(performance.now() - started),
          error: (error as Error).message,
        };
      }
    },
    health: (datasourceId) => monitor(datasourceId).current(),
    checkHealth: async (datasourceId) => (await monitor(datasourceId).refresh()).health,
    startHealthChecks() {
      healthChecksStarted = true;
      for (const entry of monitors.values()) entry.start();
    },
    onHealthChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      for (const entry of monitors.values()) entry.close();
      listeners.clear();
      await Promise.all([...connections.values()].map((entry) => entry.close()));
    },
  };
}

/** A failed result's first line without its code prefix (`UPSTREAM_UNAVAILABLE: …`). */
function firstLineOf({ result }: { result: CallToolResult }): string {
  const text = result.content.find((block) => block.type === 'text')?.text ?? '';
  const line = text.split('\n').find((candidate) => candidate.trim()) ?? 'the call failed';
  return line.replace(/^[A-Z][A-Z_]+: /, '').slice(0, 300);
}
