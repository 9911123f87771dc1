import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, installFakeApi, renderWithQueryClient } from '../../test/fake-api.js';
import { apiHeaders } from '../api/api-request.js';
import { ApiKeyPrompt } from './api-key-prompt.js';

const keyRequired = apiError({ status: 401, code: 'unauthorized', message: 'An API key is required.' });

describe('ApiKeyPrompt', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => {
    localStorage.clear();
    fakeApi.restore();
  });

  it('stores the key it is given, which every later request then sends', async () => {
    fakeApi = installFakeApi({ 'GET /api/me': keyRequired });
    const user = userEvent.setup();
    const onSaved = jest.fn();
    renderWithQueryClient(<ApiKeyPrompt onSaved={onSaved} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This server needs an API key');
    await user.type(screen.getByLabelText('API key'), '  team-key-1  {Enter}');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(apiHeaders()).toMatchObject({ authorization: 'Bearer team-key-1' });
  });

  it('forgets a stored key when saved empty', async () => {
    fakeApi = installFakeApi({ 'GET /api/me': keyRequired });
    const user = userEvent.setup();
    localStorage.setItem('connectormcp.apiKey', 'old-key');
    renderWithQueryClient(<ApiKeyPrompt onSaved={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(apiHeaders()).not.toHaveProperty('authorization');
  });

  it('stays away where people sign in: that 401 means the sign-in screen', async () => {
    fakeApi = installFakeApi({
      'GET /api/me': apiError({
        status: 401,
        code: 'unauthorized',
        message: 'Sign in to use ConnectorMCP.',
        details: { signIn: '/api/auth/login' },
      }),
    });
    renderWithQueryClient(<ApiKeyPrompt onSaved={() => {}} />);
    await waitFor(() => expect(fakeApi.requests.map((request) => request.path)).toContain('/api/me'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.queryByLabelText('API key')).toBeNull();
  });
});
