import { apiError, installFakeApi } from '../../test/fake-api.js';
import { ApiRequestError } from './api-request-error.js';
import { apiHeaders, apiRequest, isSignInRequired, onSignInRequired, setCsrfToken } from './api-request.js';

describe('apiRequest and apiHeaders', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  beforeEach(() => {
    fakeApi = installFakeApi({
      'GET /api/chat/sessions': { body: { sessions: [] } },
      'PATCH /api/chat/sessions/s1': { body: {} },
      'DELETE /api/me/api-keys/k1': { status: 204 },
      'GET /api/datasources': apiError({
        status: 401,
        code: 'session_expired',
        message: 'Your session has ended.',
      }),
    });
  });
  afterEach(() => {
    setCsrfToken({ token: null });
    localStorage.clear();
    fakeApi.restore();
  });

  it('sends the session’s CSRF token with every change and never with a read', async () => {
    setCsrfToken({ token: 'csrf-123' });
    await apiRequest({ path: '/api/chat/sessions' });
    await apiRequest({ path: '/api/chat/sessions/s1', method: 'PATCH', body: { title: 'x' } });
    await apiRequest({ path: '/api/me/api-keys/k1', method: 'DELETE' });
    const [read, patch, remove] = fakeApi.requests;
    expect(read!.headers).not.toHaveProperty('x-csrf-token');
    expect(patch!.headers).toMatchObject({ 'x-csrf-token': 'csrf-123', 'content-type': 'application/json' });
    expect(remove!.headers).toMatchObject({ 'x-csrf-token': 'csrf-123' });
  });

  it('gives the chat’s streaming POSTs (which pass only json) the token too, beside a stored API key', () => {
    setCsrfToken({ token: 'csrf-123' });
    localStorage.setItem('connectormcp.apiKey', 'cmcp_key');
    expect(apiHeaders({ json: true })).toMatchObject({
      'x-csrf-token': 'csrf-123',
      authorization: 'Bearer cmcp_key',
    });
    expect(apiHeaders()).not.toHaveProperty('x-csrf-token');
  });

  it('sends no token when there is no session (local and API-key modes)', async () => {
    await apiRequest({ path: '/api/chat/sessions/s1', method: 'PATCH', body: { title: 'x' } });
    expect(fakeApi.requests[0]!.headers).not.toHaveProperty('x-csrf-token');
  });

  it('tells its listeners when a session has ended, and only then', async () => {
    const heard: string[] = [];
    const stop = onSignInRequired((error) => heard.push(error.code));
    await expect(apiRequest({ path: '/api/datasources' })).rejects.toMatchObject({ code: 'session_expired' });
    await expect(apiRequest({ path: '/api/unknown' })).rejects.toMatchObject({ status: 404 });
    stop();
    await expect(apiRequest({ path: '/api/datasources' })).rejects.toBeInstanceOf(ApiRequestError);
    expect(heard).toEqual(['session_expired']);
  });

  it('tells a sign-in 401 from a missing API key', () => {
    const signIn = new ApiRequestError({
      status: 401,
      code: 'unauthorized',
      message: 'Sign in.',
      details: { signIn: '/api/auth/login' },
    });
    const keyMissing = new ApiRequestError({ status: 401, code: 'unauthorized', message: 'An API key is required.' });
    expect(isSignInRequired(signIn)).toBe(true);
    expect(isSignInRequired(keyMissing)).toBe(false);
    expect(isSignInRequired(new Error('x'))).toBe(false);
  });
});
