import { useEffect, useRef } from 'react';
import { CopyButton } from '../results/copy-button.js';
import type { CreatedApiKey } from './account-types.js';

/** The one time a key is shown whole: read-only, selected for copying, with the warning beside it. */
export function NewApiKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [created.key]);
  return (
    <section
      aria-labelledby="new-api-key-title"
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <h3 id="new-api-key-title" className="font-semibold">
        Your new key “{created.name}”
      </h3>
      <p id="new-api-key-warning" className="mt-1">
        Copy it now and keep it somewhere safe: <strong>you won’t see it again.</strong>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          ref={field}
          id="new-api-key"
          readOnly
          value={created.key}
          aria-describedby="new-api-key-warning"
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-emerald-400 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-emerald-600 dark:bg-slate-950 dark:text-slate-100"
        />
        <CopyButton text={() => created.key} label="Copy" accessibleLabel="Copy the new API key" />
        <button
          type="button"
          onClick={onDone}
          className="rounded-md border border-emerald-700 px-3 py-1 text-sm font-medium dark:border-emerald-400"
        >
          Done
        </button>
      </div>
    </section>
  );
}
