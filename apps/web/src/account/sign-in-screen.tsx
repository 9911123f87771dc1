import { ThemeToggle } from '../layout/theme-toggle.js';
import { signInUrl } from './sign-in-url.js';

/** The whole page when nobody is signed in (OpenID Connect mode): one way in, through the company's provider. */
export function SignInScreen({ loginUrl, sessionEnded = false }: { loginUrl?: string; sessionEnded?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="font-semibold">ConnectorMCP</span>
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 items-center justify-center px-4 pb-16">
        <section
          aria-labelledby="sign-in-title"
          className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <h1 id="sign-in-title" className="text-lg font-semibold">
            {sessionEnded ? 'Your session has ended' : 'Sign in to ConnectorMCP'}
          </h1>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            {sessionEnded
              ? 'Sign in again to go on where you were.'
              : 'Ask your company’s data questions in plain language. Your chats are yours alone.'}
          </p>
          <a
            href={signInUrl({ ...(loginUrl ? { loginUrl } : {}) })}
            className="mt-5 block rounded-md bg-sky-700 px-4 py-2 text-center text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          >
            Sign in with your company account
          </a>
        </section>
      </main>
    </div>
  );
}
