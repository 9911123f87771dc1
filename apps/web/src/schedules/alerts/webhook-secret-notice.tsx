import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '../../results/copy-button.js';

/** The one time a generated webhook signing secret is shown: selected for copying, with the warning beside it. */
export function WebhookSecretNotice({
  alertName,
  secret,
  onDone,
}: {
  alertName: string;
  secret: string;
  onDone: () => void;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [secret]);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <h4 id={`${id}-title`} className="font-semibold">
        Signing secret of “{alertName}”
      </h4>
      <p id={`${id}-warning`} className="mt-1">
        The webhook’s requests are signed with it (header X-ConnectorMCP-Signature). Copy it now:{' '}
        <strong>you won’t see it again.</strong>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-secret`} className="sr-only">
          Webhook signing secret
        </label>
        <input
          ref={field}
          id={`${id}-secret`}
          readOnly
          value={secret}
          aria-describedby={`${id}-warning`}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-emerald-400 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-emerald-600 dark:bg-slate-950 dark:text-slate-100"
        />
        <CopyButton text={() => secret} label="Copy" accessibleLabel="Copy the webhook signing secret" />
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
