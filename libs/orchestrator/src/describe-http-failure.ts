import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { RequestFailureKind } from './connector-endpoint.js';

// Node's fetch wraps the socket's error as `cause`; these codes are what a person can act on.
const networkWords: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused: is the server running?',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection broke',
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate chain is self-signed",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host name",
};

/**
 * A failed HTTP exchange with a remote MCP server in plain words, and what it means for the session.
 * `phase` tells a failure to open a session (a 404 there is a wrong URL) from one within a session (a 404 there
 * is the server saying it no longer knows the session, per the Streamable HTTP spec). The words name the
 * server's address without its query or credentials; the caller still redacts header values, since a server's
 * own message may echo what it was sent.
 */
export function describeHttpFailure({
  error,
  url,
  phase,
}: {
  error: unknown;
  url: string;
  phase: 'connect' | 'request';
}): { kind: RequestFailureKind; message: string } {
  const where = displayUrl({ url });
  if (error instanceof StreamableHTTPError) {
    const said = serverMessage({ message: error.message });
    const suffix = said ? `: ${said}` : '';
    if (error.code === 404) {
      return phase === 'request'
        ? { kind: 'session-gone', message: `the server at ${where} no longer knows this session (HTTP 404)` }
        : { kind: 'broken', message: `there is no MCP endpoint at ${where} (HTTP 404)${suffix}` };
    }
    if (error.code === 401)
      return {
        kind: 'broken',
        message: `the server at ${where} refused the credentials (HTTP 401): check the datasource's headers${suffix}`,
      };
    if (error.code === 403)
      return { kind: 'broken', message: `the server at ${where} refused access (HTTP 403)${suffix}` };
    if (error.code === -1)
      return { kind: 'broken', message: `the server at ${where} does not answer as an MCP server${suffix}` };
    return { kind: 'broken', message: `the server at ${where} answered HTTP ${error.code ?? '?'}${suffix}` };
  }
  // Read by shape, not `instanceof`: fetch's errors come from Node's own realm, which a sandbox (a VM context,
  // a test runner) does not share.
  const failure = error as { name?: unknown; message?: unknown; cause?: unknown } | undefined;
  const message = typeof failure?.message === 'string' ? failure.message : String(error);
  if (failure?.name === 'TypeError' && /fetch failed/i.test(message)) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const causeMessage = typeof cause?.message === 'string' ? cause.message.slice(0, 120) : undefined;
    const words = code ? (networkWords[code] ?? code) : (causeMessage ?? 'the request failed');
    return { kind: 'broken', message: `could not reach ${where}: ${words}` };
  }
  if (/request timed out/i.test(message))
    return { kind: 'other', message: `the server at ${where} did not answer in time` };
  return { kind: 'other', message };
}

/** The server's address as people write it: no credentials, no query (either may hold a key). */
export function displayUrl({ url }: { url: string }): string {
  if (!URL.canParse(url)) return 'the configured URL';
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** What the server itself said: a JSON-RPC error's message, or a short plain text; never an HTML page. */
function serverMessage({ message }: { message: string }): string | undefined {
  const body = message.replace(
    /^(?:Streamable HTTP error: )?(?:Error POSTing to endpoint|Failed to open SSE stream|Failed to terminate session): ?/,
    '',
  );
  const start = body.indexOf('{');
  if (start >= 0) {
    try {
      const parsed = JSON.parse(body.slice(start)) as { error?: { message?: unknown }; message?: unknown };
      const said = parsed.error?.message ?? parsed.message;
      if (typeof said === 'string' && said.trim()) return said.trim().slice(0, 200);
    } catch {
      // Not JSON after all: read as text below.
    }
  }
  const text = body.trim();
  if (!text || text.startsWith('<') || text === 'null') return undefined;
  return text.split('\n')[0]!.slice(0, 200);
}
