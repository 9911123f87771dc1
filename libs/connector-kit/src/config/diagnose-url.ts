export interface UrlExpectations {
  /** Accepted schemes with their colon, as `URL.protocol` spells them: `['mysql:', 'mariadb:']`. */
  protocols?: string[];
  /** A well-formed value to show, e.g. `mysql://user:password@host:3306/database`. */
  example?: string;
  /** Advice for schemes that people try but that are not accepted, keyed like `protocols`: `{ 'mysqls:': … }`. */
  schemeHints?: Record<string, string>;
  /**
   * When set, a user name or password in the URL is refused with this advice (where credentials go
   * instead); otherwise they are allowed and checked for characters that must be percent-encoded.
   */
  refuseCredentials?: string;
}

const schemePattern = /^([a-z][a-z0-9+.-]*):\/\//i;
// Schemes the URL standard parses specially: for them a backslash ends the host part like a slash.
const specialSchemes = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

function percentEncoded(character: string): string {
  return [...new TextEncoder().encode(character)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

function hasBadPercentEscape(text: string): boolean {
  try {
    decodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * Says what is wrong with a URL in a configuration variable, precisely enough to fix it: a missing or
 * unsupported scheme, a user name or password with a character that must be percent-encoded (naming
 * the character and its encoding, never the secret), a port that is not a number or out of range, a
 * missing or malformed host. Returns undefined when the URL is fine.
 *
 * The URL standard's own error ("Invalid URL") cannot say any of this, and a password containing `#`,
 * `/` or `?` even parses "successfully" with part of the password taken as the host or the port.
 */
export function diagnoseUrl({
  value,
  protocols,
  example,
  schemeHints = {},
  refuseCredentials,
}: UrlExpectations & { value: string }): string | undefined {
  const text = value.trim();
  const expectedSchemes = protocols?.map((protocol) => `${protocol}//`).join(' or ');
  const forExample = example ? `, e.g. ${example}` : '';
  const scheme = schemePattern.exec(text);
  if (!scheme) {
    return expectedSchemes
      ? `has no scheme: it must start with ${expectedSchemes}${forExample}`
      : `has no scheme: expected a URL such as ${example ?? 'https://example.com'}`;
  }
  const protocol = `${scheme[1]!.toLowerCase()}:`;
  if (protocols && !protocols.includes(protocol)) {
    const hint = schemeHints[protocol];
    return `the scheme ${protocol}// is not supported: use ${expectedSchemes}${hint ? ` (${hint})` : forExample}`;
  }

  const rest = text.slice(scheme[0].length);
  const delimiters = specialSchemes.has(protocol) ? ['/', '?', '#', '\\'] : ['/', '?', '#'];
  const authorityEnd = Math.min(
    ...delimiters.map((delimiter) => rest.indexOf(delimiter)).filter((index) => index >= 0),
  );
  const lastAt = rest.lastIndexOf('@');
  let parsed: URL | undefined;
  try {
    parsed = new URL(text);
  } catch {
    parsed = undefined;
  }

  // An "@" past the first "/", "?" or "#" usually means that one of them is in the user name or the
  // password and ended the host part early. Reported only when the URL did not otherwise read as
  // having credentials, so an "@" in a path does not raise a false alarm.
  // Where credentials are refused, an "@" in the path of a URL that parses is left alone.
  const suspicious = refuseCredentials ? !parsed : !(parsed && (parsed.username || parsed.password));
  if (lastAt > authorityEnd && suspicious) {
    const userInfo = rest.slice(0, lastAt);
    const offending = [...userInfo].find((character) => delimiters.includes(character))!;
    if (refuseCredentials) return `must not contain a user name or password: ${refuseCredentials}`;
    const colon = userInfo.indexOf(':');
    const part = colon >= 0 && colon < userInfo.indexOf(offending) ? 'password' : 'user name';
    const certain = !parsed || colon >= 0;
    return certain
      ? `the ${part} contains "${offending}", which must be percent-encoded in a URL: write it as ${percentEncoded(offending)}`
      : `has an "@" after the host part: if it ends a user name, write the "${offending}" in that name as ${percentEncoded(offending)}`;
  }

  const authority = rest.slice(0, Number.isFinite(authorityEnd) ? authorityEnd : undefined);
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at) : '';
  const hostAndPort = authority.slice(at + 1);
  if (at >= 0) {
    if (refuseCredentials) return `must not contain a user name or password: ${refuseCredentials}`;
    const colon = userInfo.indexOf(':');
    const [user, password] = colon >= 0 ? [userInfo.slice(0, colon), userInfo.slice(colon + 1)] : [userInfo, ''];
    for (const [part, content] of [
      ['user name', user],
      ['password', password],
    ] as const) {
      if (hasBadPercentEscape(content)) {
        return `the ${part} contains a "%" that does not start an encoded character: write a literal % as %25`;
      }
    }
  }

  // Without an "@", what follows a colon may be a password typed without a host: never echo it.
  const mayEcho = at >= 0 || refuseCredentials !== undefined;
  const bracketEnd = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') : -1;
  const portColon = hostAndPort.indexOf(':', bracketEnd + 1);
  const host = portColon >= 0 ? hostAndPort.slice(0, portColon) : hostAndPort;
  const port = portColon >= 0 ? hostAndPort.slice(portColon + 1) : '';
  if (host === '')
    return `has no host name${expectedSchemes ? `: expected ${example ?? `${expectedSchemes}host`}` : ''}`;
  if (port !== '') {
    if (!/^\d+$/.test(port)) {
      return mayEcho
        ? `the port "${port}" is not a number: expected 1 to 65535`
        : 'the port is not a number: expected 1 to 65535 (if a user name and password come first, follow them with @ and the host)';
    }
    if (Number(port) < 1 || Number(port) > 65_535) {
      return mayEcho
        ? `the port ${Number(port)} is out of range: expected 1 to 65535`
        : 'the port is out of range: expected 1 to 65535';
    }
  }
  if (!parsed || parsed.hostname === '') {
    return mayEcho ? `the host name "${host}" is not valid` : 'the host name is not valid';
  }
  return undefined;
}

/** A URL for an error message: any user name and password replaced, since they are often secrets. */
export function maskUrlCredentials({ value }: { value: string }): string {
  const scheme = schemePattern.exec(value.trim());
  if (!scheme) return value;
  const rest = value.trim().slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  return at < 0 ? value : `${scheme[0]}***@${rest.slice(at + 1)}`;
}
