import { checkHostAndOrigin, createHostOriginPolicy, resolveAllowedHosts } from './host-origin-policy.js';

const policy = createHostOriginPolicy({
  allowedHosts: resolveAllowedHosts({
    bindHost: '0.0.0.0',
    extraHosts: ['Chat.Example.com', 'fe80::1'],
    hostsVariable: 'ALLOWED_HOSTS',
  }),
  allowedOrigins: ['https://app.example.net'],
  hostsVariable: 'ALLOWED_HOSTS',
  originsVariable: 'CORS_ORIGINS',
});

const check = ({ method = 'POST', headers }: { method?: string; headers: Record<string, string> }) =>
  checkHostAndOrigin({ policy, method, target: '/api/x', rawHeaders: Object.entries(headers).flat() })?.code ??
  'allowed';

describe('resolveAllowedHosts', () => {
  it('always keeps the loopback names, adds a single bind address and the listed names', () => {
    expect(resolveAllowedHosts({ bindHost: '127.0.0.1', hostsVariable: 'X' })).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
    ]);
    expect(resolveAllowedHosts({ bindHost: '192.168.1.20', extraHosts: ['nas.lan'], hostsVariable: 'X' })).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '192.168.1.20',
      'nas.lan',
    ]);
    expect(resolveAllowedHosts({ bindHost: '::1', hostsVariable: 'X' })).toContain('[::1]');
  });

  it.each(['0.0.0.0', '::', '0:0:0:0:0:0:0:0', ''])('refuses to listen on %j without listed names', (bindHost) => {
    expect(() => resolveAllowedHosts({ bindHost, hostsVariable: 'ALLOWED_HOSTS' })).toThrow(
      /without ALLOWED_HOSTS: set it to the host names clients use/,
    );
  });

  it.each(['https://chat.example.com', 'chat.example.com:443', 'chat.example.com/app', 'a b', ''])(
    'names the variable when an entry is not a host name: %j',
    (entry) => {
      expect(() =>
        resolveAllowedHosts({ bindHost: '0.0.0.0', extraHosts: [entry], hostsVariable: 'ALLOWED_HOSTS' }),
      ).toThrow(/^ALLOWED_HOSTS: expected host names such as chat\.example\.com/);
    },
  );
});

describe('createHostOriginPolicy', () => {
  it('refuses origins that are not origins', () => {
    expect(() =>
      createHostOriginPolicy({ allowedOrigins: ['example.com'], hostsVariable: 'H', originsVariable: 'CORS_ORIGINS' }),
    ).toThrow(/^CORS_ORIGINS: expected origins such as https:\/\/chat\.example\.com, got "example\.com"/);
  });
});

describe('checkHostAndOrigin', () => {
  it('accepts listed names in any case, and IPv6 addresses in any spelling', () => {
    expect(check({ headers: { Host: 'chat.example.com' } })).toBe('allowed');
    expect(check({ headers: { Host: 'CHAT.EXAMPLE.COM:8443' } })).toBe('allowed');
    expect(check({ headers: { Host: '[FE80:0::1]:8000' } })).toBe('allowed');
    expect(check({ headers: { Host: 'chat.example.com.evil.example' } })).toBe('forbidden_host');
    expect(check({ headers: { Host: 'evil-chat.example.com' } })).toBe('forbidden_host');
  });

  it('accepts origins of allowed hosts on any port and listed origins exactly', () => {
    const host = 'chat.example.com';
    expect(check({ headers: { host, origin: 'https://chat.example.com' } })).toBe('allowed');
    expect(check({ headers: { host, origin: 'https://app.example.net' } })).toBe('allowed');
    expect(check({ headers: { host, origin: 'http://app.example.net' } })).toBe('forbidden_origin');
    expect(check({ headers: { host, origin: 'https://app.example.net:8443' } })).toBe('forbidden_origin');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a cross-site %s without Origin, and lets non-browser clients through',
    (method) => {
      expect(check({ method, headers: { host: 'localhost', 'sec-fetch-site': 'cross-site' } })).toBe(
        'forbidden_origin',
      );
      expect(check({ method, headers: { host: 'localhost' } })).toBe('allowed');
    },
  );

  it('names the variable to set in its refusals, and quotes what it refused', () => {
    expect(checkHostAndOrigin({ policy, method: 'GET', target: '/', rawHeaders: ['Host', 'evil.example:80'] })).toEqual(
      {
        code: 'forbidden_host',
        message: 'Host "evil.example:80" is not served here; add its name to ALLOWED_HOSTS to serve it.',
      },
    );
    expect(
      checkHostAndOrigin({
        policy,
        method: 'POST',
        target: '/',
        rawHeaders: ['Host', 'localhost', 'Origin', 'https://evil.example'],
      }),
    ).toEqual({
      code: 'forbidden_origin',
      message:
        'Origin "https://evil.example" may not call this server; list it in CORS_ORIGINS or serve the page from an allowed host.',
    });
  });
});
