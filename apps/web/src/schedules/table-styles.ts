export const cellClass = 'px-3 py-2 align-top';
export const headerClass =
  'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';
export const mutedClass = 'text-slate-600 dark:text-slate-400';
export const emptyStateClass =
  'rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400';
