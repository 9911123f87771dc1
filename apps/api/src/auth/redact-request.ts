/** Query parameters that carry a credential or a sign-in secret (the callback's code and state, …). */
const secretParameters = new Set(['code', 'state', 'nonce', 'id_token_hint', 'access_token', 'token', 'session_state']);

const redactUrl = (url: string) => {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const parameters = new URLSearchParams(url.slice(start + 1));
  for (const name of [...parameters.keys()]) if (secretParameters.has(name)) parameters.set(name, '[Redacted]');
  return `${url.slice(0, start)}?${parameters.toString()}`;
};

/**
 * pino-http's request serializer on top of the standard one: the URL and query of a request lose the values
 * of sign-in parameters, so the callback's authorization code never reaches a log line.
 */
export function redactRequest<Serialized extends { url?: string; query?: unknown }>(serialized: Serialized) {
  if (typeof serialized.url === 'string') serialized.url = redactUrl(serialized.url);
  if (serialized.query && typeof serialized.query === 'object') {
    const query = { ...(serialized.query as Record<string, unknown>) };
    for (const name of Object.keys(query)) if (secretParameters.has(name)) query[name] = '[Redacted]';
    serialized.query = query;
  }
  return serialized;
}
