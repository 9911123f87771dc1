import { isIPv6 } from 'node:net';

/** Names a browser uses for this machine; always accepted, since no remote page can make them its own. */
export const loopbackHostNames = ['localhost', '127.0.0.1', '[::1]'] as const;

export interface HostOriginPolicy {
  /** Normalised host names (no port) accepted in `Host`, and as the host of an `Origin` on any port. */
  hosts: ReadonlySet<string>;
  /** Exact origins (`scheme://host[:port]`) accepted on top of those of the allowed hosts. */
  origins: ReadonlySet<string>;
  /** The variable that adds host names, named in refusals so the fix is one look away. */
  hostsVariable: string;
  /** The variable that adds origins, when the server has one. */
  originsVariable?: string;
}

export type HostOriginRefusalCode = 'forbidden_host' | 'forbidden_origin';

export interface HostOriginRefusal {
  code: HostOriginRefusalCode;
  message: string;
}

// A Host value is a name or an IP literal and an optional port, nothing else (RFC 9110 §7.2): no userinfo,
// path, query, spaces or backslashes, which URL parsers would otherwise read "helpfully".
const hostPattern = /^(?<name>\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(?<port>\d{1,5}))?$/i;
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const wildcardAddresses = new Set(['', '0.0.0.0', '::', '[::]']);

/** The host name of a `Host` value, lower-cased and with IPv6 written one way; undefined when malformed. */
export function parseHostHeader(value: string): string | undefined {
  const match = hostPattern.exec(value);
  const name = match?.groups?.name;
  const port = match?.groups?.port;
  if (!name || (port !== undefined && Number(port) > 65_535)) return undefined;
  if (!name.startsWith('[')) return name.toLowerCase();
  const address = name.slice(1, -1);
  if (!isIPv6(address)) return undefined;
  // The URL parser writes an IPv6 address in its one canonical form: [0:0:0:0:0:0:0:1] is [::1].
  return new URL(`http://${name}`).hostname;
}

/** A configured host name (no port), normalised like a `Host` value; bare IPv6 addresses are accepted. */
export function normalizeHostName(entry: string): string | undefined {
  const trimmed = entry.trim();
  const candidate = isIPv6(trimmed) ? `[${trimmed}]` : trimmed;
  return hostPattern.exec(candidate)?.groups?.port === undefined ? parseHostHeader(candidate) : undefined;
}

function describe(value: string): string {
  return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

function isWildcardAddress(address: string): boolean {
  return wildcardAddresses.has(address) || (isIPv6(address) && parseHostHeader(`[${address}]`) === '[::]');
}

/**
 * The host names a server accepts: loopback names, the address it is bound to when that is one address,
 * and the names its operator lists. Bound to every interface, it is reached by names only the operator
 * knows, so it refuses to start until they are listed rather than refuse every remote request.
 */
export function resolveAllowedHosts({
  bindHost,
  extraHosts = [],
  hostsVariable,
}: {
  bindHost: string;
  extraHosts?: string[];
  hostsVariable: string;
}): string[] {
  const extras = extraHosts.map((entry) => {
    const name = normalizeHostName(entry);
    if (!name)
      throw new Error(
        `${hostsVariable}: expected host names such as chat.example.com (no scheme, port or path), got ${describe(entry)}.`,
      );
    return name;
  });
  if (isWildcardAddress(bindHost) && extras.length === 0)
    throw new Error(
      `Refusing to listen on ${bindHost || 'every interface'} without ${hostsVariable}: set it to the host names ` +
        `clients use to reach this server (comma-separated, e.g. ${hostsVariable}=chat.example.com), so that ` +
        'pages on other sites cannot reach it through DNS rebinding. Loopback names are always accepted.',
    );
  const bound = isWildcardAddress(bindHost) ? undefined : normalizeHostName(bindHost);
  return [...new Set([...loopbackHostNames, ...(bound ? [bound] : []), ...extras])];
}

export function createHostOriginPolicy({
  allowedHosts = [...loopbackHostNames],
  allowedOrigins = [],
  hostsVariable,
  originsVariable,
}: {
  allowedHosts?: string[];
  allowedOrigins?: string[];
  hostsVariable: string;
  originsVariable?: string;
}): HostOriginPolicy {
  const hosts = new Set<string>();
  for (const entry of allowedHosts) {
    const name = normalizeHostName(entry);
    if (!name) throw new Error(`${hostsVariable}: ${describe(entry)} is not a host name.`);
    hosts.add(name);
  }
  const origins = new Set<string>();
  for (const entry of allowedOrigins) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (!origin || origin === 'null')
      throw new Error(
        `${originsVariable ?? 'allowed origins'}: expected origins such as https://chat.example.com, got ${describe(entry)}.`,
      );
    origins.add(origin);
  }
  return { hosts, origins, hostsVariable, ...(originsVariable ? { originsVariable } : {}) };
}

function isAllowedOrigin({ origin, policy }: { origin: string; policy: HostOriginPolicy }): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // Browsers send the serialised origin and nothing else; anything more (a path, userinfo, two values
  // joined by a comma) did not come from one, or hides a second meaning.
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  return policy.origins.has(url.origin) || policy.hosts.has(url.hostname);
}

/**
 * Whether a request may reach the server, from its method, target and headers. `Host` must name an
 * allowed host (a page served by DNS rebinding carries its own name there); an `Origin`, on any method,
 * must be of an allowed host or listed; a state-changing request without `Origin` that the browser marks
 * as coming from another site is refused too.
 */
export function checkHostAndOrigin({
  policy,
  method,
  target,
  rawHeaders,
}: {
  policy: HostOriginPolicy;
  method: string;
  /** The request target as sent: `/path`, or a whole URL in absolute form. */
  target: string;
  /** Name/value pairs as received (Node's `rawHeaders`), so that repeated headers are seen. */
  rawHeaders: string[];
}): HostOriginRefusal | undefined {
  const seen: Record<'host' | 'origin' | 'sec-fetch-site', string[]> = { host: [], origin: [], 'sec-fetch-site': [] };
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    if (name === 'host' || name === 'origin' || name === 'sec-fetch-site') seen[name].push(rawHeaders[index + 1]!);
  }
  const hostValues = seen.host;
  const addHost = `add its name to ${policy.hostsVariable} to serve it`;
  if (hostValues.length !== 1)
    return {
      code: 'forbidden_host',
      message:
        hostValues.length === 0 ? 'The request has no Host header.' : 'The request has more than one Host header.',
    };
  const host = hostValues[0]!.trim();
  const hostname = parseHostHeader(host);
  if (!hostname || !policy.hosts.has(hostname))
    return { code: 'forbidden_host', message: `Host ${describe(host)} is not served here; ${addHost}.` };
  // In absolute form the target's authority overrides Host (RFC 9112 §3.2.2), so it must pass too.
  if (!target.startsWith('/') && target !== '*') {
    let targetHost: string | undefined;
    try {
      targetHost = parseHostHeader(new URL(target).host);
    } catch {
      targetHost = undefined;
    }
    if (!targetHost || !policy.hosts.has(targetHost))
      return { code: 'forbidden_host', message: `Request target ${describe(target)} is not served here; ${addHost}.` };
  }

  const originValues = seen.origin;
  const addOrigin = policy.originsVariable
    ? `list it in ${policy.originsVariable} or serve the page from an allowed host`
    : `serve the page from a host in ${policy.hostsVariable}`;
  if (originValues.length > 1)
    return { code: 'forbidden_origin', message: 'The request has more than one Origin header.' };
  const origin = originValues[0]?.trim();
  if (origin !== undefined) {
    if (isAllowedOrigin({ origin, policy })) return undefined;
    return {
      code: 'forbidden_origin',
      message: `Origin ${describe(origin)} may not call this server; ${addOrigin}.`,
    };
  }
  const site = seen['sec-fetch-site'][0]?.trim().toLowerCase();
  if (!safeMethods.has(method.toUpperCase()) && (site === 'cross-site' || site === 'same-site'))
    return {
      code: 'forbidden_origin',
      message: `A ${site} ${method.toUpperCase()} without an Origin header may not call this server.`,
    };
  return undefined;
}
