import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { installFakeApi, renderWithQueryClient, type FakeAnswer } from '../../test/fake-api.js';
import { localMe, sessionExpired, signedInMe, signInNeeded } from '../../test/me-fixtures.js';
import { apiRequest } from '../api/api-request.js';
import { AccountGate } from './account-gate.js';
import { useMe } from './use-me.js';

/** Stands in for the app: a half-typed message and a button that asks the API something. */
function FakeApp() {
  const [draft, setDraft] = useState('');
  return (
    <main>
      <label>
        Message
        <input value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="button" onClick={() => void apiRequest({ path: '/api/datasources' }).catch(() => {})}>
        Ask
      </button>
    </main>
  );
}

/** Parts of the app that each want to know who is asking, as the sidebar, menu and key prompt do. */
function AskingParts() {
  const first = useMe();
  const second = useMe();
  return (
    <p>
      {first.data?.user.name ?? 'nobody'} / {second.data?.user.name ?? 'nobody'}
    </p>
  );
}

describe('AccountGate', () => {
  let fakeApi: ReturnType<typeof installFakeApi>;
  afterEach(() => {
    fakeApi.restore();
    window.history.replaceState(null, '', '/');
  });

  it('shows only the sign-in screen when nobody is signed in, coming back to this page afterwards', async () => {
    fakeApi = installFakeApi({ 'GET /api/me': signInNeeded });
    window.history.replaceState(null, '', '/?session=abc');
    renderWithQueryClient(
      <AccountGate>
        <FakeApp />
      </AccountGate>,
    );
    const link = await screen.findByRole('link', { name: 'Sign in with your company account' });
    expect(link).toHaveAttribute('href', '/api/auth/login?returnTo=%2F%3Fsession%3Dabc');
    expect(screen.getByRole('heading', { name: 'Sign in to ConnectorMCP' })).toBeVisible();
    expect(screen.queryByLabelText('Message')).toBeNull();
  });

  it('goes straight to the app in local mode, and with a missing API key (the app prompts for it)', async () => {
    fakeApi = installFakeApi({ 'GET /api/me': { body: localMe } });
    const { unmount } = renderWithQueryClient(
      <AccountGate>
        <FakeApp />
      </AccountGate>,
    );
    expect(await screen.findByLabelText('Message')).toBeVisible();
    unmount();
    fakeApi.restore();
    fakeApi = installFakeApi({
      'GET /api/me': { status: 401, body: { error: { code: 'unauthorized', message: 'An API key is required.' } } },
    });
    renderWithQueryClient(
      <AccountGate>
        <FakeApp />
      </AccountGate>,
    );
    expect(await screen.findByLabelText('Message')).toBeVisible();
    expect(screen.queryByRole('link', { name: /Sign in/ })).toBeNull();
  });

  it('puts a dialog over the app when the session ends mid-use, keeping what was typed, until signed in again', async () => {
    let me: FakeAnswer = { body: signedInMe };
    let datasources: FakeAnswer = sessionExpired;
    fakeApi = installFakeApi({ 'GET /api/me': () => me, 'GET /api/datasources': () => datasources });
    const user = userEvent.setup();
    renderWithQueryClient(
      <AccountGate>
        <FakeApp />
      </AccountGate>,
    );
    await user.type(await screen.findByLabelText('Message'), 'How many orders today?');
    me = sessionExpired;
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    const dialog = await screen.findByRole('dialog', { name: 'Your session has ended' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Sign in in this tab instead' })).toHaveAttribute(
      'href',
      '/api/auth/login?returnTo=%2F',
    );
    // The app is still there beneath, inert, with the message as typed.
    expect(screen.getByDisplayValue('How many orders today?').closest('[inert]')).not.toBeNull();

    // Signed in again (in another window): coming back to this one asks the server and the dialog goes.
    me = { body: { ...signedInMe, csrfToken: 'csrf-new' } };
    datasources = { body: { datasources: [] } };
    act(() => void fireEvent.focus(window));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Message')).toHaveValue('How many orders today?');
    expect(screen.getByDisplayValue('How many orders today?').closest('[inert]')).toBeNull();
  });

  it.each([
    ['an API key is missing', { status: 401, body: { error: { code: 'unauthorized', message: 'Key needed.' } } }],
    ['the server fails', { status: 500, body: { error: { code: 'internal', message: 'Failed.' } } }],
  ])('asks once and keeps the app in place when %s, however many parts want to know', async (_case, answer) => {
    fakeApi = installFakeApi({ 'GET /api/me': answer });
    renderWithQueryClient(
      <AccountGate>
        <FakeApp />
        <AskingParts />
      </AccountGate>,
    );
    expect(await screen.findByText('nobody / nobody')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByLabelText('Message')).toBeVisible();
    expect(fakeApi.requests.filter((request) => request.path === '/api/me')).toHaveLength(1);
  });
});
