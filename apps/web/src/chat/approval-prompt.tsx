import { useState } from 'react';
import type { ToolCallView } from './chat-items.js';

/** Asks before a tool that can change data runs, showing exactly what will run. */
export function ApprovalPrompt({
  call,
  datasourceName,
  onDecide,
}: {
  call: ToolCallView;
  datasourceName: string;
  onDecide: (options: { id: string; approve: boolean }) => void;
}) {
  const [sent, setSent] = useState(false);
  const decide = (approve: boolean) => {
    setSent(true);
    onDecide({ id: call.id, approve });
  };
  const statement = (call.arguments as { sql?: unknown } | undefined)?.sql;
  return (
    <section
      role="alertdialog"
      aria-labelledby={`approval-${call.id}-title`}
      aria-describedby={`approval-${call.id}-body`}
      className="mx-3 mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id={`approval-${call.id}-title`} className="font-semibold text-amber-900 dark:text-amber-100">
        {call.approval?.destructive ? 'This can change or delete data in ' : 'This can change data in '}
        {datasourceName}. Run it?
      </h3>
      <div id={`approval-${call.id}-body`} className="mt-2 space-y-1">
        <p className="text-xs text-amber-900 dark:text-amber-200">
          <code className="font-mono">{call.tool}</code> with:
        </p>
        <pre className="max-h-60 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100">
          {typeof statement === 'string' ? statement : JSON.stringify(call.arguments, null, 2)}
        </pre>
        {typeof statement === 'string' && Object.keys(call.arguments as object).length > 1 ? (
          <pre className="overflow-auto rounded bg-white p-2 text-xs dark:bg-slate-950">
            {JSON.stringify(call.arguments, null, 2)}
          </pre>
        ) : null}
      </div>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          disabled={sent}
          onClick={() => decide(true)}
          className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-50"
        >
          Approve
        </button>
        <button
          type="button"
          disabled={sent}
          onClick={() => decide(false)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
        >
          Deny
        </button>
      </div>
    </section>
  );
}
