import { redactRequest } from './redact-request.js';

describe('redactRequest', () => {
  it("hides the callback's code and state, in the URL and the query, and keeps the rest", () => {
    const serialized = redactRequest({
      url: '/api/auth/callback?code=secret-code&state=secret-state&iss=http%3A%2F%2Fop',
      query: { code: 'secret-code', state: 'secret-state', iss: 'http://op' },
    });
    expect(JSON.stringify(serialized)).not.toMatch(/secret-/);
    expect(serialized.url).toBe('/api/auth/callback?code=%5BRedacted%5D&state=%5BRedacted%5D&iss=http%3A%2F%2Fop');
    expect(serialized.query).toEqual({ code: '[Redacted]', state: '[Redacted]', iss: 'http://op' });
    expect(redactRequest({ url: '/api/chat/sessions' }).url).toBe('/api/chat/sessions');
  });
});
