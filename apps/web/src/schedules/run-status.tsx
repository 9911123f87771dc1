import { Spinner } from '../admin/datasources/spinner.js';

/** A run's outcome in words with a mark, never by colour alone. */
export function RunStatus({ status }: { status: 'ok' | 'error' | 'running' | null }) {
  if (status === 'running')
    return (
      <span className="inline-flex items-center gap-1 font-medium text-indigo-800 dark:text-indigo-300">
        <Spinner /> Running
      </span>
    );
  if (status === 'ok')
    return (
      <span className="font-medium text-emerald-800 dark:text-emerald-300">
        <span aria-hidden="true">✓ </span>OK
      </span>
    );
  if (status === 'error')
    return (
      <span className="font-medium text-rose-800 dark:text-rose-300">
        <span aria-hidden="true">✗ </span>Failed
      </span>
    );
  return <span className="text-slate-600 dark:text-slate-400">Not run yet</span>;
}
