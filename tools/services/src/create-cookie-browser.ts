/** What a sign-in helper needs of a browser: one request at a time, cookies kept, redirects not followed. */
export interface SignInBrowser {
  request(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; json?: unknown; form?: Record<string, string> },
  ): Promise<Response>;
}

export interface CookieBrowser extends SignInBrowser {
  /** The cookie stored under `name` for the host of `url` (any host when omitted). */
  cookie(name: string, url?: string): string | undefined;
  /** Forgets one cookie, or every cookie. */
  forget(name?: string): void;
}

/**
 * A cookie-keeping HTTP client for tests, as a browser without scripts: cookies per host name (any port,
 * as browsers share them), Max-Age/Expires honoured, redirects returned rather than followed. Paths and
 * the Secure flag are not enforced: every server in these tests is on loopback.
 */
export function createCookieBrowser(): CookieBrowser {
  const jars = new Map<string, Map<string, string>>();
  const store = (url: URL, response: Response) => {
    const jar = jars.get(url.hostname) ?? new Map<string, string>();
    jars.set(url.hostname, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator < 1) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(setting) <= Date.now();
        return false;
      });
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  };
  return {
    async request(address, { method = 'GET', headers = {}, json, form } = {}) {
      const url = new URL(address);
      const jar = jars.get(url.hostname);
      const cookie = jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
      const body =
        json !== undefined
          ? JSON.stringify(json)
          : form !== undefined
            ? new URLSearchParams(form).toString()
            : undefined;
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
      });
      store(url, response);
      return response;
    },
    cookie(name, url) {
      if (url) return jars.get(new URL(url).hostname)?.get(name);
      for (const jar of jars.values()) if (jar.has(name)) return jar.get(name);
      return undefined;
    },
    forget(name) {
      for (const jar of jars.values()) {
        if (name === undefined) jar.clear();
        else jar.delete(name);
      }
    },
  };
}
