import { serialize, type CookieSerializeOptions } from 'cookie';
import { loopbackHostNames } from '@connectormcp/connector-kit/host-origin-guard';
import { loginAttemptMaxAgeSeconds } from './auth-session-store.js';

export type SessionCookies = ReturnType<typeof sessionCookies>;

export const loginCookieName = 'connectormcp_login';

/**
 * The names and attributes of the session cookie and the sign-in cookie. Both are HttpOnly and
 * SameSite=Lax (sent when the provider sends the browser back, not on another site's forms or fetches),
 * and Secure unless the public URL is plain http on a loopback name (a developer's machine). On https the
 * session cookie takes the `__Host-` prefix, so no subdomain and no plain-http page can set or shadow it.
 */
export function sessionCookies({ publicUrl, maxAgeHours }: { publicUrl?: string; maxAgeHours: number }) {
  const url = publicUrl ? new URL(publicUrl) : undefined;
  const https = url?.protocol === 'https:';
  const loopback = url ? (loopbackHostNames as readonly string[]).includes(url.hostname) : true;
  const secure = https || !loopback;
  const common: CookieSerializeOptions = { httpOnly: true, sameSite: 'lax', secure };
  const sessionName = https ? '__Host-connectormcp_session' : 'connectormcp_session';
  const maxAgeSeconds = Math.round(maxAgeHours * 3600);
  return {
    sessionName,
    maxAgeSeconds,
    session: (value: string) => serialize(sessionName, value, { ...common, path: '/', maxAge: maxAgeSeconds }),
    clearSession: () => serialize(sessionName, '', { ...common, path: '/', maxAge: 0 }),
    login: (value: string) =>
      serialize(loginCookieName, value, { ...common, path: '/api/auth', maxAge: loginAttemptMaxAgeSeconds }),
    clearLogin: () => serialize(loginCookieName, '', { ...common, path: '/api/auth', maxAge: 0 }),
  };
}
