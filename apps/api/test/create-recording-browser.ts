export interface RecordingBrowser {
  /**
   * One request as a browser without scripts sends it: the cookies stored for the host (any port, as
   * browsers do), no automatic redirects (3xx comes back), Set-Cookie stored. `json` sends a JSON body.
   */
  request(url: string, init?: { method?: string; headers?: Record<string, string>; json?: unknown }): Promise<Response>;
  /** GET `url` and follow redirects (3xx with Location) with cookies, as a browser navigating; the last response. */
  navigate(url: string): Promise<Response>;
  /** The cookie value stored under `name`, if any. */
  cookie(name: string): string | undefined;
  /** Every response body received so far, SSE streams included, in full once each body has ended. */
  bodies(): Promise<string[]>;
}

/**
 * A cookie-keeping HTTP client that records every response body it receives, so a test can say what a
 * browser could ever have seen (e.g. that a secret never appeared). Cookies are kept per host name only:
 * every server in these tests is on loopback, as a load balancer's instances share one public name.
 */
export function createRecordingBrowser(): RecordingBrowser {
  const cookies = new Map<string, Map<string, string>>();
  const recorded: Array<Promise<string>> = [];

  const store = (url: URL, response: Response) => {
    const jar = cookies.get(url.hostname) ?? new Map<string, string>();
    cookies.set(url.hostname, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim());
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(setting) <= Date.now();
        return false;
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  };

  const request: RecordingBrowser['request'] = async (address, { method = 'GET', headers = {}, json } = {}) => {
    const url = new URL(address);
    const jar = cookies.get(url.hostname);
    const cookieHeader = jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    store(url, response);
    if (!response.body || [204, 205, 304].includes(response.status)) {
      recorded.push(Promise.resolve(''));
      return response;
    }
    // The test reads one branch; the other is kept whole, also when the test stops reading early.
    const [forTest, forRecord] = response.body.tee();
    recorded.push(new Response(forRecord).text().catch(() => ''));
    return new Response(forTest, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  return {
    request,
    async navigate(address) {
      let url = address;
      for (let hop = 0; hop < 20; hop++) {
        const response = await request(url);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location) return response;
        await response.body?.cancel();
        url = new URL(location, url).href;
      }
      throw new Error(`more than 20 redirects from ${address}`);
    },
    cookie(name) {
      for (const jar of cookies.values()) if (jar.has(name)) return jar.get(name);
      return undefined;
    },
    bodies: () => Promise.all(recorded),
  };
}
