import { redactHeaderValues } from './redact-header-values.js';

describe('redactHeaderValues', () => {
  it('takes out a whole header value and its token alone', () => {
    const headers = { Authorization: 'Bearer sk-live-0123456789', 'X-Api-Key': 'key=abcdefgh' };
    expect(
      redactHeaderValues({
        text: 'sent Bearer sk-live-0123456789; server said sk-live-0123456789 and abcdefgh is wrong',
        headers,
      }),
    ).toBe('sent [redacted]; server said [redacted] and [redacted] is wrong');
  });

  it('keeps short words and takes out URL credentials', () => {
    expect(
      redactHeaderValues({
        text: 'Bearer refused for admin:hunter22 at mcp.internal',
        headers: { Authorization: 'Bearer x' },
        url: 'https://admin:hunter22@mcp.internal/mcp',
      }),
    ).toBe('Bearer refused for [redacted]:[redacted] at mcp.internal');
  });
});
