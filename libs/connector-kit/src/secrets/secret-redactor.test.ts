import { createSecretRedactor } from './secret-redactor.js';

describe('createSecretRedactor', () => {
  it('removes known secrets, also in JSON-escaped form', () => {
    const redact = createSecretRedactor({ secrets: ['p@ss"word', undefined] });
    expect(redact('password is p@ss"word')).toBe('password is [redacted]');
    expect(redact(JSON.stringify({ message: 'p@ss"word' }))).toBe('{"message":"[redacted]"}');
  });

  it('removes credentials in URLs and authorization values', () => {
    const redact = createSecretRedactor();
    expect(redact('failed: mysql://reader:s3cr3t@db.internal:3306/shop')).toBe(
      'failed: mysql://[redacted]@db.internal:3306/shop',
    );
    expect(redact('header Bearer abcdefghijklmnop')).toBe('header Bearer [redacted]');
  });

  it('learns secrets added later and ignores values too short to protect', () => {
    const redact = createSecretRedactor();
    redact.add(['tok', 'token-value-123']);
    expect(redact('tok token-value-123')).toBe('tok [redacted]');
  });
});
