import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { onSignInRequired } from '../api/api-request.js';
import { SessionExpiredDialog, signedInReturnParameter, signInChannelName } from './session-expired-dialog.js';
import { SignInScreen } from './sign-in-screen.js';
import { meQueryKey, useMeAnswer, type MeAnswer } from './use-me.js';

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

function loginUrlOf(answer: MeAnswer): string | undefined {
  const details = answer.error?.details as { signIn?: unknown } | null | undefined;
  return typeof details?.signIn === 'string' ? details.signIn : undefined;
}

/**
 * Who is asking decides what shows: nobody signed in (OpenID Connect mode) → the sign-in screen; a session
 * that ends mid-use → a dialog over the app, which stays as it was. Local and API-key modes go straight
 * to the app (a missing key is the app's API key prompt), as does a server that cannot answer.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const answer = useMeAnswer();
  const { refetch } = answer;
  const recheck = useCallback(() => void refetch(), [refetch]);
  // Once someone was signed in here, the app stays mounted whatever happens (what they typed with it).
  const [wasSignedIn, setWasSignedIn] = useState(false);
  if (answer.data?.me && !wasSignedIn) setWasSignedIn(true);
  const signInRequired = answer.data?.signInRequired === true;

  useEffect(finishSignInWindow, []);
  // Any call answering "sign in" (a chat stream, the sidebar's polling) asks who this is again, while the
  // answer so far is "signed in" and no question is on its way.
  useEffect(
    () =>
      onSignInRequired(() => {
        const state = client.getQueryState<MeAnswer>(meQueryKey);
        if (state?.data?.me && state.fetchStatus === 'idle')
          void client.invalidateQueries({ queryKey: meQueryKey, exact: true });
      }),
    [client],
  );
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (signInRequired) wasSignedOut.current = true;
    else if (answer.data?.me && wasSignedOut.current) {
      wasSignedOut.current = false;
      // Signed in again: what failed while signed out asks again, with the new session.
      void client.invalidateQueries();
    }
  }, [signInRequired, answer.data, client]);

  // Only the very first question waits: asking again after a failure goes back to "pending" without data,
  // which must not take the app away each time.
  if (answer.isPending && answer.errorUpdatedAt === 0) {
    return (
      <p role="status" className="p-4 text-sm text-slate-600 dark:text-slate-400">
        Loading…
      </p>
    );
  }
  const loginUrl = answer.data ? loginUrlOf(answer.data) : undefined;
  if (signInRequired && !wasSignedIn) {
    return (
      <SignInScreen {...(loginUrl ? { loginUrl } : {})} sessionEnded={answer.data?.error?.code === 'session_expired'} />
    );
  }
  return (
    <>
      <div inert={signInRequired}>{children}</div>
      {signInRequired ? <SessionExpiredDialog {...(loginUrl ? { loginUrl } : {})} onRecheck={recheck} /> : null}
    </>
  );
}
