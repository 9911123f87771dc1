import { safeReturnTo } from './safe-return-to.js';

describe('safeReturnTo', () => {
  it.each([
    ['/chat/abc?x=1#y', '/chat/abc?x=1#y'],
    ['/', '/'],
    ['/admin/users', '/admin/users'],
  ])('keeps the same-site path %s', (value, expected) => expect(safeReturnTo(value)).toBe(expected));

  it.each([
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com/',
    'http:evil.com',
    'javascript:alert(1)',
    '/%0d%0aSet-Cookie:x',
    '/\t/evil.com',
    '/path\\..\\x',
    '',
    'chat',
    undefined,
    ['/a', '/b'],
  ])('turns %p into /', (value) => {
    const result = safeReturnTo(value);
    expect(result.startsWith('/') && !result.startsWith('//')).toBe(true);
    if (typeof value !== 'string' || !value.startsWith('/%')) expect(result).toBe('/');
  });
});
