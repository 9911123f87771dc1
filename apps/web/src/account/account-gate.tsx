import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { isSignInRequired, onSignInRequired } from '../api/api-request.js';
import { ApiRequestError } from '../api/api-request-error.js';
import { SessionExpiredDialog, signedInReturnParameter, signInChannelName } from './session-expired-dialog.js';
import { SignInScreen } from './sign-in-screen.js';
import { meQueryKey, useMe } from './use-me.js';

function loginUrlOf({ error, fallback }: { error: unknown; fallback: string | undefined }): string | undefined {
  const details = error instanceof ApiRequestError ? (error.details as { signIn?: unknown } | null) : null;
  return typeof details?.signIn === 'string' ? details.signIn : fallback;
}

/**
 * A sign-in window the session-ended dialog opened has done its job once the app loads in it: it tells the
 * app's other windows (the opener is no longer reachable: the provider's origin came between, and the
 * API's Cross-Origin-Opener-Policy severs the link) and closes itself where the browser lets it.
 */
function finishSignInWindow() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(signedInReturnParameter)) return;
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(signInChannelName);
    channel.postMessage('signed-in');
    channel.close();
  }
  window.close();
  // Still open (a tab the browser does not let scripts close): it simply stays the app.
  url.searchParams.delete(signedInReturnParameter);
  window.history.replaceState(null, '', url);
}

/**
 * Who is asking decides what shows: nobody signed in (OpenID Connect mode) → the sign-in screen; a session
 * that ends mid-use → a dialog over the app, which stays as it was. Local and API-key modes go straight
 * to the app (a missing key is the app's API key prompt).
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useMe();
  const signInRequired = isSignInRequired(me.error);
  const { refetch } = me;
  const recheck = useCallback(() => void refetch(), [refetch]);

  useEffect(finishSignInWindow, []);
  // Any call answering "sign in" (a chat stream, the sidebar's polling) asks who this is again, once: not
  // while it is asking, nor once the answer is already "nobody".
  useEffect(
    () =>
      onSignInRequired(() => {
        const state = client.getQueryState(meQueryKey);
        if (state?.status === 'success' && state.fetchStatus === 'idle')
          void client.invalidateQueries({ queryKey: meQueryKey, exact: true });
      }),
    [client],
  );
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (signInRequired) wasSignedOut.current = true;
    else if (me.isSuccess && wasSignedOut.current) {
      wasSignedOut.current = false;
      // Signed in again: what failed while signed out asks again, with the new session.
      void client.invalidateQueries();
    }
  }, [signInRequired, me.isSuccess, client]);

  if (me.isPending) {
    return (
      <p role="status" className="p-4 text-sm text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  }
  const loginUrl = loginUrlOf({ error: me.error, fallback: me.data?.signIn?.loginUrl });
  if (signInRequired && !me.data) {
    return (
      <SignInScreen
        {...(loginUrl ? { loginUrl } : {})}
        sessionEnded={me.error instanceof ApiRequestError && me.error.code === 'session_expired'}
      />
    );
  }
  return (
    <>
      <div inert={signInRequired}>{children}</div>
      {signInRequired ? <SessionExpiredDialog {...(loginUrl ? { loginUrl } : {})} onRecheck={recheck} /> : null}
    </>
  );
}
