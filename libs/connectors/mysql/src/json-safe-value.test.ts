import { columnTypeName, toJsonSafeValue } from './json-safe-value.js';

describe('toJsonSafeValue', () => {
  it('turns date-times into ISO 8601, TIMESTAMPs marked UTC, and leaves dates and zero dates alone', () => {
    expect(toJsonSafeValue({ value: '2026-11-24 10:00:00', typeName: 'DATETIME' })).toBe('2026-11-24T10:00:00');
    expect(toJsonSafeValue({ value: '2026-11-24 10:00:00.250', typeName: 'TIMESTAMP' })).toBe(
      '2026-11-24T10:00:00.250Z',
    );
    expect(toJsonSafeValue({ value: '2026-11-24', typeName: 'DATE' })).toBe('2026-11-24');
    expect(toJsonSafeValue({ value: '0000-00-00 00:00:00', typeName: 'DATETIME' })).toBe('0000-00-00 00:00:00');
  });

  it('previews binary as hex with its length', () => {
    expect(toJsonSafeValue({ value: Buffer.from([0xde, 0xad]), typeName: 'BLOB' })).toBe('0xdead (2 bytes)');
    const long = toJsonSafeValue({ value: Buffer.alloc(1000, 0xab), typeName: 'BLOB' }) as string;
    expect(long).toBe(`0x${'ab'.repeat(32)}… (1000 bytes)`);
  });

  it('keeps big numbers exact as strings and NULL as null', () => {
    expect(toJsonSafeValue({ value: 9007199254740993n, typeName: 'LONGLONG' })).toBe('9007199254740993');
    expect(toJsonSafeValue({ value: '12.50', typeName: 'NEWDECIMAL' })).toBe('12.50');
    expect(toJsonSafeValue({ value: null, typeName: 'LONG' })).toBeNull();
    expect(toJsonSafeValue({ value: undefined, typeName: 'LONG' })).toBeNull();
  });

  it('names column types', () => {
    expect(columnTypeName({ type: 246 })).toBe('NEWDECIMAL');
    expect(columnTypeName({ type: undefined })).toBe('UNKNOWN');
  });
});
