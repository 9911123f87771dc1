import { useState } from 'react';
import { Banner } from '../layout/banner.js';
import type { ApiKeySummary, CreatedApiKey } from './account-types.js';
import { DateCell } from './date-cell.js';
import { NewApiKeyNotice } from './new-api-key-notice.js';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './use-api-keys.js';

const maximumNameLength = 80;
const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

function RevokeButton({ apiKey }: { apiKey: ApiKeySummary }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiKey();
  if (!confirming) {
    return (
      <button
        type="button"
        className={buttonClass}
        aria-label={`Revoke ${apiKey.name}`}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Revoke ${apiKey.name}?`} className="flex flex-wrap items-center gap-2">
      <span className="text-xs">Programs using it stop working.</span>
      <button
        type="button"
        autoFocus
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ id: apiKey.id })}
        className="rounded-md bg-rose-700 px-3 py-1 text-sm font-medium text-white hover:bg-rose-800 disabled:opacity-50"
      >
        {revoke.isPending ? 'Revoking…' : 'Revoke key'}
      </button>
      <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {revoke.error ? (
        <span role="alert" className="text-xs text-rose-800 dark:text-rose-300">
          {revoke.error.message}
        </span>
      ) : null}
    </div>
  );
}

function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const create = useCreateApiKey();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) return;
        create.mutate(
          { name: trimmed },
          {
            onSuccess: (created) => {
              setName('');
              onCreated(created);
            },
          },
        );
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="api-key-name" className="text-sm font-medium">
          Name
        </label>
        <input
          id="api-key-name"
          required
          maxLength={maximumNameLength}
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="What will use it, e.g. Nightly report"
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </div>
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
      >
        {create.isPending ? 'Creating…' : 'Create key'}
      </button>
      {create.error ? (
        <p role="alert" className="w-full text-sm text-rose-800 dark:text-rose-300">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** The signed-in user's API keys, for scripts and other programs: create (shown once), list, revoke. */
export function ApiKeysPage() {
  const apiKeys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-3xl space-y-4">
        <div>
          <h2 className="text-lg font-semibold">API keys</h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            A key lets a program use the API as you: send it as <code>Authorization: Bearer &lt;key&gt;</code>. It can
            see and do what you can.
          </p>
        </div>
        <CreateApiKeyForm onCreated={setCreated} />
        {created ? <NewApiKeyNotice created={created} onDone={() => setCreated(null)} /> : null}
        {apiKeys.error ? (
          <Banner tone="error" title="Your API keys could not be loaded">
            {apiKeys.error.message}
          </Banner>
        ) : null}
        {apiKeys.isPending ? (
          <p role="status" className="text-sm">
            Loading…
          </p>
        ) : null}
        {apiKeys.data?.length === 0 ? <p className="text-sm">You have no API keys yet.</p> : null}
        {apiKeys.data && apiKeys.data.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your API keys</caption>
              <thead className="border-b border-slate-300 dark:border-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Key
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Created
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    Last used
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {apiKeys.data.map((apiKey) => (
                  <tr key={apiKey.id} className="border-b border-slate-200 align-top dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {apiKey.name}
                    </th>
                    <td className="py-2 pr-3 font-mono text-xs">{apiKey.prefix}…</td>
                    <td className="py-2 pr-3">
                      <DateCell iso={apiKey.createdAt} />
                    </td>
                    <td className="py-2 pr-3">
                      <DateCell iso={apiKey.lastUsedAt} />
                    </td>
                    <td className="py-2">
                      <RevokeButton apiKey={apiKey} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
