import { auditActionLabel } from './audit-action-label.js';
import { auditEntryDetails, auditEntrySummary, durationText } from './audit-entry-summary.js';
import type { AuditEntry } from './audit-types.js';

const cellClass = 'px-3 py-2 align-top';
const headerClass =
  'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const goodStatuses = new Set(['ok', 'approved', 'asked']);
const badStatuses = new Set(['error', 'denied', 'failed', 'cancelled']);

function StatusText({ status }: { status: string }) {
  const style = goodStatuses.has(status)
    ? 'text-emerald-800 dark:text-emerald-300'
    : badStatuses.has(status)
      ? 'text-rose-800 dark:text-rose-300'
      : 'text-slate-700 dark:text-slate-300';
  return <span className={`font-medium ${style}`}>{status}</span>;
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const summary = auditEntrySummary({ entry });
  const details = auditEntryDetails({ entry });
  if (!details) return summary ? <span>{summary}</span> : <span className="text-slate-600 dark:text-slate-400">—</span>;
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer rounded text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        <span className={`break-words text-xs ${entry.action === 'tool_call' ? 'font-mono' : ''}`}>
          {summary || 'Details'}
        </span>
        <span className="ml-1 text-xs text-indigo-700 group-open:hidden dark:text-indigo-300">Expand</span>
      </summary>
      <pre className="mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900">
        {details}
      </pre>
    </details>
  );
}

/** The audit entries: when, who, what, on which datasource and tool, its arguments (expandable), outcome and time taken. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[48rem] text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={headerClass}>
              Time
            </th>
            <th scope="col" className={headerClass}>
              Who
            </th>
            <th scope="col" className={headerClass}>
              Action
            </th>
            <th scope="col" className={headerClass}>
              Datasource / tool
            </th>
            <th scope="col" className={headerClass}>
              Arguments and details
            </th>
            <th scope="col" className={headerClass}>
              Status
            </th>
            <th scope="col" className={`${headerClass} text-right`}>
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
              <td className={`${cellClass} whitespace-nowrap`}>
                <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))}</time>
              </td>
              <td className={cellClass}>
                <span className="block">{entry.actor.name}</span>
                <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{entry.actor.id}</span>
              </td>
              <td className={cellClass}>{auditActionLabel({ action: entry.action })}</td>
              <td className={`${cellClass} font-mono text-xs`}>
                {entry.datasource ?? '—'}
                {entry.tool ? <span className="block">{entry.tool}</span> : null}
              </td>
              <td className={cellClass}>
                <EntryDetails entry={entry} />
              </td>
              <td className={cellClass}>
                <StatusText status={entry.status} />
              </td>
              <td className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>
                {durationText({ milliseconds: entry.durationMs })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
