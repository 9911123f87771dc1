export const toolbarButton =
  'rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 aria-pressed:bg-slate-200 aria-pressed:font-semibold dark:text-slate-300 dark:hover:bg-slate-700 dark:aria-pressed:bg-slate-700';
