import { useEffect } from 'react';
import { browserLocation } from './browser-location.js';
import { signInUrl } from './sign-in-url.js';

/** The query a sign-in window comes back with, so the app it opens there knows to close itself. */
export const signedInReturnParameter = 'signedIn';

/** The BroadcastChannel on which that window says it has signed in. */
export const signInChannelName = 'connectormcp-sign-in';

const recheckMs = 3_000;

/**
 * Over the app (left in place, inert) when the session ends mid-use: signing in again in a separate
 * window keeps what was typed here; once the server knows this browser again the dialog goes by itself.
 */
export function SessionExpiredDialog({ loginUrl, onRecheck }: { loginUrl?: string; onRecheck: () => void }) {
  useEffect(() => {
    const interval = setInterval(onRecheck, recheckMs);
    window.addEventListener('focus', onRecheck);
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(signInChannelName) : undefined;
    channel?.addEventListener('message', onRecheck);
    return () => {
      clearInterval(interval);
      window.removeEventListener('focus', onRecheck);
      channel?.close();
    };
  }, [onRecheck]);
  const here = signInUrl({ ...(loginUrl ? { loginUrl } : {}) });
  return (
    <div className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/60 p-4">
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby="session-ended-title"
        aria-describedby="session-ended-body"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="session-ended-title" className="text-lg font-semibold">
          Your session has ended
        </h2>
        <p id="session-ended-body" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Sign in again to go on. Signing in in a new window keeps what you typed here.
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            autoFocus
            onClick={() => {
              const popup = window.open(
                signInUrl({
                  ...(loginUrl ? { loginUrl } : {}),
                  returnTo: `/?${signedInReturnParameter}=1`,
                }),
                'connectormcp-sign-in',
                'popup,width=520,height=720',
              );
              // A blocked pop-up: sign in in this tab after all.
              if (!popup) browserLocation.assign(here);
            }}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
          >
            Sign in again
          </button>
          <a href={here} className="text-sm text-sky-800 underline dark:text-sky-300">
            Sign in in this tab instead
          </a>
        </div>
      </section>
    </div>
  );
}
