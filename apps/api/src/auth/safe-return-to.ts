/**
 * Where to send the browser after sign-in: a path on this site only. `//evil.example`, `/\evil.example`
 * (browsers read a backslash as a slash), absolute URLs, control characters and anything unparsable
 * become `/`, so the sign-in link cannot be used to send people to another site.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = 'http://connectormcp.invalid';
    const resolved = new URL(value, base);
    if (resolved.origin !== base) return '/';
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return '/';
  }
}
