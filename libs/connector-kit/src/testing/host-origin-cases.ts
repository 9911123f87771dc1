import type { HostOriginRefusalCode } from '../transports/host-origin-policy.js';
import { sendRawHttpRequest, type RawHttpResponse } from './send-raw-http-request.js';

export interface HostOriginCase {
  name: string;
  /** `read`: a GET the server answers normally; `write`: a state-changing POST. The runner picks routes. */
  kind: 'read' | 'write';
  httpVersion?: '1.0' | '1.1';
  /** Header lines as sent; `{port}` stands for the server's port. */
  headers: Array<[string, string]>;
  /** An absolute-form request target (`http://name/…`) instead of the route's path. */
  absoluteTargetAuthority?: string;
  expected: 'allowed' | HostOriginRefusalCode;
}

const host = (value: string): [string, string] => ['host', value];
const loopback = host('127.0.0.1:{port}');
const origin = (value: string): [string, string] => ['origin', value];

/**
 * Forged `Host` and `Origin` values, and the honest ones they imitate, for any server that guards itself
 * with `hostOriginGuard` and its default policy (loopback names; no extra hosts or origins). The API and
 * the connectors' `--http` mode both run this one table, so their checks cannot drift apart.
 */
export const hostOriginCases: HostOriginCase[] = [
  { name: 'Host 127.0.0.1 with the port', kind: 'write', headers: [loopback], expected: 'allowed' },
  { name: 'Host 127.0.0.1, a read', kind: 'read', headers: [loopback], expected: 'allowed' },
  { name: 'Host localhost with the port', kind: 'write', headers: [host('localhost:{port}')], expected: 'allowed' },
  { name: 'Host localhost without a port', kind: 'write', headers: [host('localhost')], expected: 'allowed' },
  { name: 'Host [::1] with the port', kind: 'write', headers: [host('[::1]:{port}')], expected: 'allowed' },
  {
    name: 'Host LOCALHOST (host names are case-insensitive)',
    kind: 'read',
    headers: [host('LOCALHOST:{port}')],
    expected: 'allowed',
  },
  {
    name: 'Host [0:0:0:0:0:0:0:1], the long form of [::1]',
    kind: 'read',
    headers: [host('[0:0:0:0:0:0:0:1]:{port}')],
    expected: 'allowed',
  },

  { name: 'Host evil.example', kind: 'read', headers: [host('evil.example:{port}')], expected: 'forbidden_host' },
  {
    name: 'Host evil.example on a state-changing request',
    kind: 'write',
    headers: [host('evil.example:{port}'), origin('http://evil.example:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host localhost.evil.example (a rebinding name that starts with localhost.)',
    kind: 'read',
    headers: [host('localhost.evil.example:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host 127.0.0.1.nip.io (a rebinding name that starts with 127.0.0.1.)',
    kind: 'read',
    headers: [host('127.0.0.1.nip.io:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host localhost. (trailing dot)',
    kind: 'read',
    headers: [host('localhost.:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host 127.0.0.1. (trailing dot)',
    kind: 'read',
    headers: [host('127.0.0.1.:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host evil.example@localhost (userinfo that URL parsers drop)',
    kind: 'read',
    headers: [host('evil.example@localhost:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host localhost:port@evil.example',
    kind: 'read',
    headers: [host('localhost:{port}@evil.example')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host with a path (localhost:port/evil)',
    kind: 'read',
    headers: [host('localhost:{port}/evil')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host with a query (localhost:port?evil)',
    kind: 'read',
    headers: [host('localhost:{port}?evil')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host with a port out of range',
    kind: 'read',
    headers: [host('localhost:99999')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host 127.1 (IPv4 shorthand)',
    kind: 'read',
    headers: [host('127.1:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host 2130706433 (IPv4 as one number)',
    kind: 'read',
    headers: [host('2130706433:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'Host [::ffff:127.0.0.1] (IPv4-mapped IPv6)',
    kind: 'read',
    headers: [host('[::ffff:127.0.0.1]:{port}')],
    expected: 'forbidden_host',
  },
  { name: 'Host ::1 without brackets', kind: 'read', headers: [host('::1')], expected: 'forbidden_host' },
  { name: 'an empty Host', kind: 'read', headers: [host('')], expected: 'forbidden_host' },
  { name: 'no Host (HTTP/1.0)', kind: 'read', httpVersion: '1.0', headers: [], expected: 'forbidden_host' },
  {
    name: 'two Host headers, the allowed one first',
    kind: 'read',
    headers: [loopback, host('evil.example:{port}')],
    expected: 'forbidden_host',
  },
  {
    name: 'two Host headers, the foreign one first',
    kind: 'read',
    headers: [host('evil.example:{port}'), loopback],
    expected: 'forbidden_host',
  },
  {
    name: 'an absolute-form target naming another host',
    kind: 'read',
    headers: [loopback],
    absoluteTargetAuthority: 'evil.example:{port}',
    expected: 'forbidden_host',
  },
  {
    name: 'an absolute-form target naming this host',
    kind: 'read',
    headers: [loopback],
    absoluteTargetAuthority: '127.0.0.1:{port}',
    expected: 'allowed',
  },

  {
    name: 'Origin of the same host and port',
    kind: 'write',
    headers: [loopback, origin('http://127.0.0.1:{port}')],
    expected: 'allowed',
  },
  {
    name: 'Origin localhost on the same port',
    kind: 'write',
    headers: [loopback, origin('http://localhost:{port}')],
    expected: 'allowed',
  },
  {
    name: 'Origin of a loopback page on another port (a dev server, an MCP inspector)',
    kind: 'write',
    headers: [loopback, origin('http://localhost:5173')],
    expected: 'allowed',
  },
  {
    name: 'Origin [::1]',
    kind: 'write',
    headers: [loopback, origin('http://[::1]:{port}')],
    expected: 'allowed',
  },
  {
    name: 'no Origin (a client that is not a browser)',
    kind: 'write',
    headers: [loopback],
    expected: 'allowed',
  },
  {
    name: 'no Origin, Sec-Fetch-Site same-origin',
    kind: 'write',
    headers: [loopback, ['sec-fetch-site', 'same-origin']],
    expected: 'allowed',
  },
  {
    name: 'no Origin, Sec-Fetch-Site cross-site on a read (a link followed from another site)',
    kind: 'read',
    headers: [loopback, ['sec-fetch-site', 'cross-site']],
    expected: 'allowed',
  },
  {
    name: 'Origin https://evil.example',
    kind: 'write',
    headers: [loopback, origin('https://evil.example')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin https://evil.example on a read',
    kind: 'read',
    headers: [loopback, origin('https://evil.example')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin http://localhost.evil.example',
    kind: 'write',
    headers: [loopback, origin('http://localhost.evil.example:{port}')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin http://127.0.0.1.nip.io',
    kind: 'write',
    headers: [loopback, origin('http://127.0.0.1.nip.io:{port}')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin null (sandboxed frames, file: pages)',
    kind: 'write',
    headers: [loopback, origin('null')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin with userinfo (http://evil.example@localhost)',
    kind: 'write',
    headers: [loopback, origin('http://evil.example@localhost:{port}')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin with a path',
    kind: 'write',
    headers: [loopback, origin('http://localhost:{port}/evil')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin with a scheme other than http(s)',
    kind: 'write',
    headers: [loopback, origin('ftp://localhost')],
    expected: 'forbidden_origin',
  },
  {
    name: 'Origin that is not a URL',
    kind: 'write',
    headers: [loopback, origin('localhost')],
    expected: 'forbidden_origin',
  },
  {
    name: 'two Origin headers, the allowed one first',
    kind: 'write',
    headers: [loopback, origin('http://127.0.0.1:{port}'), origin('https://evil.example')],
    expected: 'forbidden_origin',
  },
  {
    name: 'no Origin, Sec-Fetch-Site cross-site on a state-changing request',
    kind: 'write',
    headers: [loopback, ['sec-fetch-site', 'cross-site']],
    expected: 'forbidden_origin',
  },
  {
    name: 'no Origin, Sec-Fetch-Site same-site on a state-changing request',
    kind: 'write',
    headers: [loopback, ['sec-fetch-site', 'same-site']],
    expected: 'forbidden_origin',
  },
];

export interface HostOriginRoute {
  method: string;
  path: string;
  /** Headers the route needs (content type, accept, credentials), sent after the case's own. */
  headers?: Array<[string, string]>;
  body?: string;
}

/** Sends one case to a server on loopback, over a bare socket so that every forgery arrives as written. */
export function sendHostOriginCase({
  testCase,
  port,
  route,
}: {
  testCase: HostOriginCase;
  port: number;
  route: HostOriginRoute;
}): Promise<RawHttpResponse> {
  const fill = (value: string) => value.replaceAll('{port}', String(port));
  return sendRawHttpRequest({
    port,
    method: route.method,
    target: testCase.absoluteTargetAuthority
      ? `http://${fill(testCase.absoluteTargetAuthority)}${route.path}`
      : route.path,
    httpVersion: testCase.httpVersion ?? '1.1',
    headers: [
      ...testCase.headers.map(([name, value]): [string, string] => [name, fill(value)]),
      ...(route.headers ?? []),
    ],
    ...(route.body === undefined ? {} : { body: route.body }),
  });
}
