import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createConnectorConnection, type ConnectorConnection, type ConnectorStatus } from './connector-connection.js';
import { datasourceConfigSchema, type DatasourceConfig, type DatasourceConfigInput } from './datasource-config.js';
import { toModelToolName } from './model-tool-name.js';

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

export interface ConnectorHub {
  datasources(): DatasourceConfig[];
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
  test(datasourceId: string): Promise<DatasourceTestResult>;
  close(): Promise<void>;
}

/**
 * The MCP client pool: one connector process per datasource, started lazily and shared by every chat.
 * Datasources are plain data (id, name, command, args, env), validated on creation.
 */
export function createConnectorHub({ datasources }: { datasources: DatasourceConfigInput[] }): ConnectorHub {
  const configs = datasources.map((datasource) => datasourceConfigSchema.parse(datasource));
  const ids = new Set<string>();
  for (const config of configs) {
    if (ids.has(config.id)) throw new Error(`Datasource id ${config.id} is used twice`);
    ids.add(config.id);
  }
  const connections = new Map<string, ConnectorConnection>(
    configs.map((config) => [config.id, createConnectorConnection({ datasource: config })]),
  );
  const connection = (datasourceId: string) => {
    const found = connections.get(datasourceId);
    if (!found || !found.datasource.enabled) throw new Error(`Unknown or disabled datasource: ${datasourceId}`);
    return found;
  };

  return {
    datasources: () => configs,
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
            return { datasourceId, tools: [] as Tool[] };
          }
        }),
      );
      for (const { datasourceId, tools: list } of lists) {
        const { name } = connection(datasourceId).datasource;
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
    callTool: ({ datasourceId, ...options }) => connection(datasourceId).callTool(options),
    async test(datasourceId) {
      const started = performance.now();
      const target = connection(datasourceId);
      try {
        const tools = await target.tools();
        const check = await target.check();
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
    async close() {
      await Promise.all([...connections.values()].map((entry) => entry.close()));
    },
  };
}
