import { useState } from 'react';
import { errorCodeMessage } from '../explorer/error-code-message.js';
import { ResultView } from '../results/result-view.js';
import { ApprovalPrompt } from './approval-prompt.js';
import { ToolCallActions, type ToolCallActionHandlers } from './edit-tool-call.js';
import type { ToolCallState, ToolCallView } from './chat-items.js';

const stateLabels: Record<ToolCallState, string> = {
  running: 'Running',
  awaiting_approval: 'Needs approval',
  ok: 'Done',
  error: 'Failed',
  denied: 'Denied',
  cancelled: 'Stopped',
};

const stateStyles: Record<ToolCallState, string> = {
  running: 'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100',
  awaiting_approval: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  error: 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100',
  denied: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  cancelled: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

function formatDuration(milliseconds: number): string {
  return milliseconds < 1_000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1_000).toFixed(1)} s`;
}

/** One tool call in the conversation: where, what, with which arguments, how it went, and its result. */
export function ToolCallCard({
  call,
  datasourceName,
  onDecide,
  actions,
}: {
  call: ToolCallView;
  datasourceName?: string;
  onDecide?: (options: { id: string; approve: boolean }) => void;
  /** Edit & re-run, open in explorer. */
  actions?: ToolCallActionHandlers;
}) {
  // Open by default while something is happening or went wrong, and when there are fresh rows to see;
  // from history, the last answer's cards open as they were seen and older ones stay folded. Once someone
  // toggles it, their choice wins.
  const [toggled, setToggled] = useState<boolean | null>(null);
  // The approval prompt already shows the arguments.
  const open =
    toggled ??
    (call.state === 'awaiting_approval'
      ? false
      : call.state !== 'ok' || Boolean(call.openOnReopen) || (call.result !== undefined && !call.stored));
  const hasResult = call.result !== undefined || Boolean(call.resultText);
  return (
    <article
      className="my-2 rounded-lg border border-slate-200 bg-slate-50 text-sm dark:border-slate-700 dark:bg-slate-900"
      aria-label={`Tool call ${call.tool} on ${datasourceName ?? call.datasource}`}
      data-testid="tool-call-card"
    >
      <header className="flex flex-wrap items-center gap-2 px-3 py-2">
        <span className="font-medium">{datasourceName ?? call.datasource}</span>
        <span className="text-slate-400" aria-hidden="true">
          ›
        </span>
        <code className="font-mono text-indigo-700 dark:text-indigo-300">{call.tool}</code>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${stateStyles[call.state]}`} role="status">
          {call.state === 'running' ? (
            <span
              className="mr-1 inline-block h-2 w-2 animate-spin rounded-full border border-current border-t-transparent align-middle"
              aria-hidden="true"
            />
          ) : null}
          {stateLabels[call.state]}
        </span>
        {call.durationMs !== undefined ? (
          <span className="text-xs text-slate-500 dark:text-slate-400">{formatDuration(call.durationMs)}</span>
        ) : null}
        <button
          type="button"
          className="ml-auto rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
          aria-expanded={open}
          onClick={() => setToggled(!open)}
        >
          {open ? 'Hide details' : 'Show details'}
        </button>
      </header>
      {call.summary ? <p className="px-3 pb-2 text-slate-700 dark:text-slate-300">{call.summary}</p> : null}
      {call.state === 'error' && call.errorCode ? (
        <p className="px-3 pb-2 text-rose-800 dark:text-rose-200" data-testid="tool-error-code">
          {errorCodeMessage({ code: call.errorCode })}{' '}
          <code className="font-mono text-xs text-slate-500 dark:text-slate-400">{call.errorCode}</code>
          {call.retryable ? <span className="text-xs"> · trying again may work</span> : null}
        </p>
      ) : null}
      {call.progress ? (
        <div className="px-3 pb-2">
          <progress
            className="h-1.5 w-full"
            value={call.progress.progress}
            max={call.progress.total ?? undefined}
            aria-label={call.progress.message ?? 'Progress'}
          />
          {call.progress.message ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">{call.progress.message}</p>
          ) : null}
        </div>
      ) : null}
      {call.state === 'awaiting_approval' && onDecide ? (
        <ApprovalPrompt call={call} datasourceName={datasourceName ?? call.datasource} onDecide={onDecide} />
      ) : null}
      {open ? (
        <div className="space-y-2 border-t border-slate-200 px-3 py-2 dark:border-slate-700">
          {call.arguments !== undefined ? (
            <details open={call.state !== 'ok'}>
              <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">
                Arguments
              </summary>
              <pre className="mt-1 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2 text-xs dark:bg-slate-950">
                {JSON.stringify(call.arguments, null, 2)}
              </pre>
            </details>
          ) : null}
          {actions ? <ToolCallActions call={call} {...actions} /> : null}
          {hasResult ? (
            <ResultView
              result={call.result}
              {...(call.resultText !== undefined ? { text: call.resultText } : {})}
              name={`${call.datasource}-${call.tool}`}
              source={{ datasource: call.datasource, tool: call.tool }}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
