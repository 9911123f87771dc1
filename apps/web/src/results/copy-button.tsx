import { useState } from 'react';

export function CopyButton({
  text,
  label = 'Copy',
  accessibleLabel,
}: {
  text: () => string | Promise<string>;
  label?: string;
  /** What is copied, for screen readers when the visible label alone is ambiguous (a cell's copy). */
  accessibleLabel?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
      {...(accessibleLabel ? { 'aria-label': accessibleLabel } : {})}
      onClick={async () => {
        await navigator.clipboard?.writeText(await text());
        setCopied(true);
        setTimeout(() => setCopied(false), 1_500);
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}
