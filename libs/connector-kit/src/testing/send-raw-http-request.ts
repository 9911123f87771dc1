import { connect } from 'node:net';

export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body of a chunked response, or undefined while its last chunk has not arrived. */
function decodeChunked(body: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (body.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

/**
 * Sends one request over a bare socket, headers exactly as given: no Host added, repeated headers kept,
 * HTTP/1.0 when asked. HTTP clients normalise exactly the forgeries a server must be tested against.
 */
export function sendRawHttpRequest({
  port,
  host = '127.0.0.1',
  method = 'GET',
  target = '/',
  httpVersion = '1.1',
  headers = [],
  body = '',
  timeoutMs = 10_000,
}: {
  port: number;
  /** The address to connect to, not the Host header. */
  host?: string;
  method?: string;
  target?: string;
  httpVersion?: '1.0' | '1.1';
  headers?: Array<[string, string]>;
  body?: string;
  timeoutMs?: number;
}): Promise<RawHttpResponse> {
  const lines = [`${method} ${target} HTTP/${httpVersion}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  lines.push('connection: close');
  if (body) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    const chunks: Buffer[] = [];
    let settled = false;
    // Complete once the body is (by its length, or its last chunk), not when the server closes: a stream
    // that asks for keep-alive would otherwise hold the socket open until the server's idle timeout.
    const complete = (final: boolean) => {
      const response = parseResponse(Buffer.concat(chunks));
      if (!response && !final) return;
      if (response && !final && !response.complete) return;
      settled = true;
      socket.destroy();
      resolve(response?.response ?? { status: 0, headers: {}, body: '' });
    };
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer to ${method} ${target} in ${timeoutMs} ms`)),
    );
    // Written, not ended: a half-closed socket reads as a client gone away, and servers abort their answer.
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      complete(false);
    });
    socket.on('error', (error) => {
      if (!settled) reject(error);
    });
    socket.on('close', () => {
      if (!settled) complete(true);
    });
  });
}

function parseResponse(received: Buffer): { response: RawHttpResponse; complete: boolean } | undefined {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd === -1) return undefined;
  const [statusLine = '', ...headerLines] = received.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = received.subarray(headEnd + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const decoded = decodeChunked(rawBody);
    return { response: { status, headers, body: (decoded ?? rawBody).toString('utf8') }, complete: !!decoded };
  }
  const length = headers['content-length'];
  return {
    response: { status, headers, body: rawBody.toString('utf8') },
    complete: length !== undefined && rawBody.length >= Number(length),
  };
}
