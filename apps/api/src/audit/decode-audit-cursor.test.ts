import { decodeAuditCursor } from './audit-log.js';

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeAuditCursor', () => {
  it('reads back a time and an id', () => {
    expect(decodeAuditCursor(cursor(['2026-01-01T00:00:00.123456Z', '42']))).toEqual({
      at: '2026-01-01T00:00:00.123456Z',
      id: '42',
    });
  });

  it('refuses anything else', () => {
    for (const value of [
      'not-a-cursor',
      cursor(['yesterday', '1']),
      cursor(['2026-01-01T00:00:00Z', '1; DROP']),
      cursor({}),
    ])
      expect(decodeAuditCursor(value)).toBeUndefined();
  });
});
