import { useState } from 'react';
import { useMeAnswer } from '../account/use-me.js';
import { storeApiKey } from '../api/api-request.js';
import { Banner } from './banner.js';

/**
 * Shown when the server requires an API key (API_KEYS) and this browser has none or a wrong one. Where
 * people sign in (OpenID Connect), a 401 means signing in, which the account gate shows instead.
 */
export function ApiKeyPrompt({ onSaved }: { onSaved: () => void }) {
  const [apiKey, setApiKey] = useState('');
  const answer = useMeAnswer();
  if (answer.data?.signInRequired || answer.data?.me?.mode === 'oidc') return null;
  return (
    <Banner tone="warning" title="This server needs an API key">
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          storeApiKey({ apiKey: apiKey.trim() || null });
          onSaved();
        }}
      >
        <label htmlFor="api-key" className="sr-only">
          API key
        </label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          placeholder="One of the server's API_KEYS"
        />
        <button type="submit" className="rounded bg-amber-700 px-3 py-1 text-sm font-medium text-white">
          Save
        </button>
      </form>
    </Banner>
  );
}
