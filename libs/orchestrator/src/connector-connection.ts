import { execFile } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { DatasourceConfig } from './datasource-config.js';
import { packageVersion } from './package-version.js';

const run = promisify(execFile);

export type ConnectionState = 'idle' | 'starting' | 'connected' | 'error';

export interface ConnectorStatus {
  state: ConnectionState;
  /** The last start or transport failure, readable (never the connector's environment). */
  lastError?: string;
  restarts: number;
  /** Process id of the running connector. */
  pid?: number;
}

export interface ConnectorConnection {
  datasource: DatasourceConfig;
  status(): ConnectorStatus;
  tools(): Promise<Tool[]>;
  callTool(options: {
    name: string;
    arguments: Record<string, unknown>;
    signal?: AbortSignal;
    timeoutMs?: number;
    onProgress?: (update: { progress: number; total?: number; message?: string }) => void;
  }): Promise<CallToolResult>;
  /** Runs the connector's own `--check` (config and connectivity) in a separate process. */
  check(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<{ ok: boolean; output: string }>;
  close(): Promise<void>;
}

const maxBackoffMs = 10_000;

/**
 * One connector process, started on first use over stdio and reused. When it exits or stops
 * answering, in-flight calls fail at once (the MCP client rejects them on close) and the next use
 * starts it again, after a backoff that grows with consecutive failures.
 */
export function createConnectorConnection({ datasource }: { datasource: DatasourceConfig }): ConnectorConnection {
  let client: Client | undefined;
  let pid: number | undefined;
  let starting: Promise<Client> | undefined;
  let toolCache: Tool[] | undefined;
  let state: ConnectionState = 'idle';
  let lastError: string | undefined;
  let failures = 0;
  let lastFailureAt = 0;
  let restarts = 0;
  let closed = false;

  const fail = (message: string) => {
    state = 'error';
    lastError = message;
    failures += 1;
    lastFailureAt = Date.now();
  };

  const start = async (): Promise<Client> => {
    const backoff = failures === 0 ? 0 : Math.min(maxBackoffMs, 250 * 2 ** (failures - 1));
    const wait = lastFailureAt + backoff - Date.now();
    if (wait > 0) await delay(wait);
    if (failures > 0 || restarts > 0) restarts += 1;
    state = 'starting';
    const transport = new StdioClientTransport({
      command: datasource.command!,
      args: datasource.args,
      env: { ...getDefaultEnvironment(), ...datasource.env },
      stderr: 'pipe',
    });
    let stderrTail = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    const next = new Client({ name: 'connectormcp-orchestrator', version: packageVersion }, { capabilities: {} });
    next.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      toolCache = undefined;
    });
    next.onclose = () => {
      if (client === next) {
        client = undefined;
        toolCache = undefined;
        if (!closed) fail(`${datasource.name} connector stopped${stderrTail ? `: ${lastLogMessage(stderrTail)}` : ''}`);
      }
    };
    try {
      await next.connect(transport, { timeout: 30_000 });
    } catch (error) {
      await next.close().catch(() => {});
      fail(
        `${datasource.name} connector did not start: ${(error as Error).message}${stderrTail ? ` (${lastLogMessage(stderrTail)})` : ''}`,
      );
      throw new Error(lastError);
    }
    client = next;
    pid = transport.pid ?? undefined;
    state = 'connected';
    failures = 0;
    lastError = undefined;
    return next;
  };

  const ensure = async (): Promise<Client> => {
    if (closed) throw new Error(`${datasource.name} connector is shut down`);
    if (client) return client;
    starting ??= start().finally(() => {
      starting = undefined;
    });
    return starting;
  };

  return {
    datasource,
    status: () => ({ state, ...(lastError ? { lastError } : {}), restarts, ...(client && pid ? { pid } : {}) }),
    async tools() {
      const connected = await ensure();
      if (toolCache) return toolCache;
      const tools: Tool[] = [];
      let cursor: string | undefined;
      do {
        const page = await connected.listTools(cursor ? { cursor } : {});
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
      toolCache = tools;
      return tools;
    },
    async callTool({ name, arguments: args, signal, timeoutMs = datasource.callTimeoutMs, onProgress }) {
      const connected = await ensure();
      try {
        return (await connected.callTool({ name, arguments: args }, undefined, {
          ...(signal ? { signal } : {}),
          timeout: timeoutMs,
          resetTimeoutOnProgress: true,
          ...(onProgress
            ? {
                onprogress: (update) =>
                  onProgress({
                    progress: update.progress,
                    ...(update.total !== undefined ? { total: update.total } : {}),
                    ...(update.message ? { message: update.message } : {}),
                  }),
              }
            : {}),
        })) as CallToolResult;
      } catch (error) {
        // A call that timed out may mean the whole process hangs: ping it, and replace it if it does.
        if (/timed out/i.test((error as Error).message) && client === connected) {
          const alive = await connected.ping({ timeout: 2000 }).then(
            () => true,
            () => false,
          );
          if (!alive) {
            fail(`${datasource.name} connector stopped responding`);
            client = undefined;
            await connected.close().catch(() => {});
          }
        }
        throw error;
      }
    },
    async check({ timeoutMs = 20_000, signal } = {}) {
      try {
        const { stdout } = await run(datasource.command!, [...datasource.args, '--check'], {
          env: { ...getDefaultEnvironment(), ...datasource.env },
          timeout: timeoutMs,
          ...(signal ? { signal } : {}),
        });
        return { ok: true, output: stdout.trim() };
      } catch (error) {
        const failed = error as { code?: unknown; killed?: boolean; stdout?: string; stderr?: string; message: string };
        // Said here in words, since the process's own message would name the command line.
        if (signal?.aborted) return { ok: false, output: 'The check was stopped.' };
        if (failed.code === 'ENOENT')
          return {
            ok: false,
            output: `The ${datasource.name} connector could not be started: ${datasource.command} was not found.`,
          };
        if (failed.killed)
          return {
            ok: false,
            output: `The ${datasource.name} connector's check did not finish within ${Math.round(timeoutMs / 1000)} s.`,
          };
        return {
          ok: false,
          output: (failed.stderr || failed.stdout || failed.message)
            .trim()
            .split('\n')
            .filter((line) => !/^npm warn/i.test(line))
            .join('\n'),
        };
      }
    },
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      await current?.close().catch(() => {});
    },
  };
}

/** The message of the last JSON log line a connector wrote (its logs are redacted by the connector). */
function lastLogMessage(stderr: string): string {
  const lines = stderr.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as { msg?: string };
      if (parsed.msg) return parsed.msg;
    } catch {
      if (line.trim()) return line.trim().slice(0, 300);
    }
  }
  return '';
}
