import { cronDescription } from './cron-description.js';

/** The cron as written, with its reading in words beneath when there is one. */
export function CronText({ cron }: { cron: string }) {
  const words = cronDescription({ cron });
  return (
    <span>
      <code className="font-mono text-xs">{cron}</code>
      {words ? <span className="block text-xs text-slate-600 dark:text-slate-400">{words}</span> : null}
    </span>
  );
}
