import { setTimeout as delay } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ToolListChangedNotificationSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorEndpoint, ConnectorSession } from './connector-endpoint.js';
import { createHttpEndpoint } from './create-http-endpoint.js';
import { createStdioEndpoint } from './create-stdio-endpoint.js';
import { datasourceTransport, type DatasourceConfig } from './datasource-config.js';
import { packageVersion } from './package-version.js';

export type ConnectionState = 'idle' | 'starting' | 'connected' | 'error';

export interface ConnectorStatus {
  state: ConnectionState;
  /** The last start or transport failure, readable (never the connector's environment or headers). */
  lastError?: string;
  restarts: number;
  /** Process id of the running connector (stdio only). */
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
  /**
   * Checks the connector's configuration and connectivity apart from the pooled session: a stdio connector's
   * own `--check` in a separate process; for a remote server, a fresh session that connects, pings and lists tools.
   */
  check(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<{ ok: boolean; output: string }>;
  close(): Promise<void>;
}

const maxBackoffMs = 10_000;

/**
 * One session with a datasource's connector, opened on first use and shared by every call: a process over
 * stdio, or a session with a remote server over Streamable HTTP. When it ends or breaks, in-flight calls fail
 * at once and the next use opens a new one, after a backoff that grows with consecutive failures.
 */
export function createConnectorConnection({ datasource }: { datasource: DatasourceConfig }): ConnectorConnection {
  const endpoint: ConnectorEndpoint =
    datasourceTransport(datasource) === 'http'
      ? createHttpEndpoint({ datasource })
      : createStdioEndpoint({ datasource });
  let client: Client | undefined;
  let session: ConnectorSession | undefined;
  let starting: Promise<Client> | undefined;
  let toolCache: Tool[] | undefined;
  let state: ConnectionState = 'idle';
  let lastError: string | undefined;
  let failures = 0;
  let lastFailureAt = 0;
  let restarts = 0;
  let attempts = 0;
  let closed = false;

  const fail = (message: string) => {
    state = 'error';
    lastError = message;
    failures += 1;
    lastFailureAt = Date.now();
  };

  /** Forgets the session (if it is still the current one) and closes its client, which fails its calls. */
  const drop = (stale: Client) => {
    if (client !== stale) return;
    client = undefined;
    session = undefined;
    toolCache = undefined;
    if (state === 'connected') state = 'idle';
    void stale.close().catch(() => {});
  };

  const start = async (): Promise<Client> => {
    const backoff = failures === 0 ? 0 : Math.min(maxBackoffMs, 250 * 2 ** (failures - 1));
    const wait = lastFailureAt + backoff - Date.now();
    if (wait > 0) await delay(wait);
    if (closed) throw new Error(`${datasource.name} connector is shut down`);
    // Every session after the first is a restart: after a failure, or a session the server forgot.
    if (attempts > 0) restarts += 1;
    attempts += 1;
    state = 'starting';
    const next = new Client({ name: 'connectormcp-orchestrator', version: packageVersion }, { capabilities: {} });
    next.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      toolCache = undefined;
    });
    let opened: ConnectorSession | undefined;
    next.onclose = () => {
      if (client === next) {
        client = undefined;
        session = undefined;
        toolCache = undefined;
        if (!closed) fail(opened?.stoppedMessage() ?? `${datasource.name} connector stopped`);
      }
    };
    try {
      opened = await endpoint.connect({
        client: next,
        onBroken: (reason) => {
          if (client !== next || closed) return;
          fail(reason);
          drop(next);
        },
      });
    } catch (error) {
      await next.close().catch(() => {});
      fail((error as Error).message);
      throw new Error(lastError);
    }
    if (closed) {
      await opened.end();
      await next.close().catch(() => {});
      throw new Error(`${datasource.name} connector is shut down`);
    }
    client = next;
    session = opened;
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

  /**
   * Runs one request on the session. A session the server no longer knows (a remote server that restarted or
   * expired it answers 404) is replaced at once, without backoff, and the request sent once more: that answer
   * comes before the server acts on the request, so even a tool call cannot run twice. Any other transport
   * failure (refused connection, 401, 5xx, a reset in the middle of an answer, after which a call may well
   * have run) drops the session and fails the request, and the next use reconnects with backoff.
   */
  const request = async <Result>(send: (connected: Client) => Promise<Result>): Promise<Result> => {
    let connected = await ensure();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send(connected);
      } catch (error) {
        const { kind, message } = endpoint.describeRequestFailure(error);
        if (kind === 'other') throw error;
        if (kind === 'session-gone' && attempt === 0) {
          drop(connected);
          connected = await ensure();
          continue;
        }
        if (client === connected) {
          fail(message);
          drop(connected);
        }
        throw new Error(message);
      }
    }
  };

  return {
    datasource,
    status: () => ({
      state,
      ...(lastError ? { lastError } : {}),
      restarts,
      ...(client && session?.pid ? { pid: session.pid } : {}),
    }),
    async tools() {
      return request(async (connected) => {
        if (toolCache && client === connected) return toolCache;
        const tools: Tool[] = [];
        let cursor: string | undefined;
        do {
          const page = await connected.listTools(cursor ? { cursor } : {});
          tools.push(...page.tools);
          cursor = page.nextCursor;
        } while (cursor);
        if (client === connected) toolCache = tools;
        return tools;
      });
    },
    async callTool({ name, arguments: args, signal, timeoutMs = datasource.callTimeoutMs, onProgress }) {
      return request(async (connected) => {
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
          // A call that timed out may mean the whole connector hangs: ping it, and replace it if it does.
          if (/timed out/i.test((error as Error).message) && client === connected) {
            const alive = await connected.ping({ timeout: 2000 }).then(
              () => true,
              () => false,
            );
            if (!alive && client === connected) {
              fail(`${datasource.name} connector stopped responding`);
              drop(connected);
            }
          }
          throw error;
        }
      });
    },
    check: ({ timeoutMs = 20_000, signal } = {}) => endpoint.check({ timeoutMs, ...(signal ? { signal } : {}) }),
    async close() {
      closed = true;
      const current = client;
      const currentSession = session;
      client = undefined;
      session = undefined;
      await currentSession?.end();
      await current?.close().catch(() => {});
    },
  };
}
