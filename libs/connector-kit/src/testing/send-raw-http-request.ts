import { connect } from 'node:net';

export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function decodeChunked(body: string): string {
  let decoded = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = lineEnd === -1 ? 0 : Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return decoded;
    decoded += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
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
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer to ${method} ${target} in ${timeoutMs} ms`)),
    );
    socket.on('connect', () => socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const headEnd = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...headerLines] = text.slice(0, headEnd === -1 ? text.length : headEnd).split('\r\n');
      const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const responseHeaders: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) responseHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const rawBody = headEnd === -1 ? '' : text.slice(headEnd + 4);
      resolve({
        status,
        headers: responseHeaders,
        body: responseHeaders['transfer-encoding'] === 'chunked' ? decodeChunked(rawBody) : rawBody,
      });
    });
  });
}
