import { parse } from 'cookie';
import { sessionCookies } from './session-cookies.js';

describe('sessionCookies', () => {
  it.each([
    ['https://chat.example.com', '__Host-connectormcp_session', true],
    ['http://127.0.0.1:8000', 'connectormcp_session', false],
    ['http://localhost:5173', 'connectormcp_session', false],
    ['http://[::1]:8000', 'connectormcp_session', false],
    // Plain http on a network name: Secure all the same (the browser then keeps no session: use https).
    ['http://chat.internal', 'connectormcp_session', true],
  ])('on %s names the session cookie %s, Secure: %s', (publicUrl, name, secure) => {
    const cookies = sessionCookies({ publicUrl, maxAgeHours: 12 });
    const line = cookies.session('value');
    expect(cookies.sessionName).toBe(name);
    expect(line.startsWith(`${name}=value; Max-Age=43200; Path=/; HttpOnly;`)).toBe(true);
    expect(line.includes('; Secure')).toBe(secure);
    expect(line.endsWith('SameSite=Lax')).toBe(true);
    expect(cookies.login('x')).toMatch(/^connectormcp_login=x; Max-Age=600; Path=\/api\/auth; HttpOnly;/);
    expect(parse(cookies.clearSession())).toMatchObject({ [name]: '', 'Max-Age': '0' });
  });
});
