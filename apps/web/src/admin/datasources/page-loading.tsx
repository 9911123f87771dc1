import { Spinner } from './spinner.js';

/** What an admin page shows while its code loads. */
export function PageLoading({ what }: { what: string }) {
  return (
    <div className="min-h-0 flex-1 px-4 py-4">
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        <Spinner /> Loading {what}…
      </p>
    </div>
  );
}
