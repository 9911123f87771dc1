import { jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installFakeApi, renderWithQueryClient } from '../../test/fake-api.js';
import { localMe, signedInMe } from '../../test/me-fixtures.js';
import { setCsrfToken } from '../api/api-request.js';
import { browserLocation } from './browser-location.js';
import { UserMenu } from './user-menu.js';

describe('UserMenu', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => {
    fakeApi.restore();
    setCsrfToken({ token: null });
    localStorage.clear();
    jest.restoreAllMocks();
  });

  it('names who is signed in and their role, and opens the API keys', async () => {
    fakeApi = installFakeApi({});
    const user = userEvent.setup();
    const onOpenApiKeys = jest.fn();
    renderWithQueryClient(<UserMenu me={signedInMe} onOpenApiKeys={onOpenApiKeys} />);
    const toggle = screen.getByRole('button', { name: /Ada Lovelace/ });
    expect(toggle).toHaveTextContent('Member');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'API keys' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('ada@example.com')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'API keys' }));
    expect(onOpenApiKeys).toHaveBeenCalledTimes(1);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    fakeApi = installFakeApi({});
    const user = userEvent.setup();
    renderWithQueryClient(<UserMenu me={signedInMe} onOpenApiKeys={() => {}} />);
    const toggle = screen.getByRole('button', { name: /Ada Lovelace/ });
    await user.click(toggle);
    await user.tab();
    expect(screen.getByRole('button', { name: 'API keys' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('signs out with the CSRF token, then goes to the provider’s logout page', async () => {
    fakeApi = installFakeApi({
      'POST /api/auth/logout': { body: { logoutUrl: 'https://id.example.com/logout?id_token_hint=x' } },
    });
    const assign = jest.spyOn(browserLocation, 'assign').mockImplementation(() => {});
    setCsrfToken({ token: signedInMe.csrfToken });
    const user = userEvent.setup();
    renderWithQueryClient(<UserMenu me={signedInMe} onOpenApiKeys={() => {}} />);
    await user.click(screen.getByRole('button', { name: /Ada Lovelace/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://id.example.com/logout?id_token_hint=x'));
    expect(fakeApi.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/auth/logout',
        headers: expect.objectContaining({ 'x-csrf-token': 'csrf-ada' }),
      }),
    ]);
  });

  it('reloads to the sign-in screen when the provider has no logout page, and shows a failure', async () => {
    let answer = { status: 200, body: { logoutUrl: null } as unknown };
    fakeApi = installFakeApi({ 'POST /api/auth/logout': () => answer });
    const reload = jest.spyOn(browserLocation, 'reload').mockImplementation(() => {});
    const user = userEvent.setup();
    renderWithQueryClient(<UserMenu me={signedInMe} onOpenApiKeys={() => {}} />);
    await user.click(screen.getByRole('button', { name: /Ada Lovelace/ }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    answer = { status: 403, body: { error: { code: 'csrf_failed', message: 'The request was refused.' } } };
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The request was refused.');
  });

  it('offers no sign out to the local user, who has no account to leave', async () => {
    fakeApi = installFakeApi({});
    const user = userEvent.setup();
    renderWithQueryClient(<UserMenu me={localMe} onOpenApiKeys={() => {}} />);
    const toggle = screen.getByRole('button', { name: /Local user/ });
    expect(toggle).toHaveTextContent('Admin');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'API keys' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Sign out|Forget/ })).toBeNull();
  });
});
