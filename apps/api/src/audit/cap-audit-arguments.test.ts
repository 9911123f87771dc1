import { capAuditArguments, maximumAuditArgumentBytes } from './cap-audit-arguments.js';

describe('capAuditArguments', () => {
  it('keeps arguments up to 16 KB of JSON as they are', () => {
    const small = { sql: 'SELECT 1', limit: 10 };
    expect(capAuditArguments(small)).toBe(small);
    expect(capAuditArguments(undefined)).toBeNull();
  });

  it('replaces larger ones with a marker, their size and how they began, within the cap', () => {
    const value = { text: 'é'.repeat(20_000) };
    const capped = capAuditArguments(value) as { $truncated: boolean; originalBytes: number; preview: string };
    expect(capped.$truncated).toBe(true);
    expect(capped.originalBytes).toBe(Buffer.byteLength(JSON.stringify(value)));
    expect(capped.preview.startsWith('{"text":"éé')).toBe(true);
    // A two-byte character cut in half is dropped rather than stored as a replacement character.
    expect(capped.preview).not.toContain('\uFFFD');
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(maximumAuditArgumentBytes);
  });
});
