import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

/** One open MCP session with a connector, through whichever transport reaches it. */
export interface ConnectorSession {
  /** Process id of a connector started here (stdio only). */
  pid?: number;
  /** Words for a session that closed unexpectedly (with the connector's last log line when there is one). */
  stoppedMessage(): string;
  /** Ends the session on the connector's side when that is a thing (an HTTP DELETE); best-effort, bounded. */
  end(): Promise<void>;
}

/**
 * What a failed request says about the session:
 * - `session-gone`: the server no longer knows the session and refused the request before acting on it,
 *   so a new session may send it again;
 * - `broken`: the connector could not be reached or refused the request: the session is dropped, and the
 *   next use opens a new one after the usual backoff;
 * - `other`: an answer within a working session (an MCP error, a time limit).
 */
export type RequestFailureKind = 'session-gone' | 'broken' | 'other';

/** How the pool reaches one datasource's connector: a process over stdio, or a server over Streamable HTTP. */
export interface ConnectorEndpoint {
  /**
   * Opens a session on the given client; rejects with a readable Error (never a secret). `onBroken` is called
   * when the transport finds the session unusable outside of any request.
   */
  connect(options: { client: Client; onBroken: (reason: string) => void }): Promise<ConnectorSession>;
  /** Readable words for a request's failure, and what it means for the session. */
  describeRequestFailure(error: unknown): { kind: RequestFailureKind; message: string };
  /** The connector's configuration and connectivity, checked apart from the pooled session. */
  check(options: { timeoutMs: number; signal?: AbortSignal }): Promise<{ ok: boolean; output: string }>;
}
