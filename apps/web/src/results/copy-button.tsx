import { useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: () => string | Promise<string>; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
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
