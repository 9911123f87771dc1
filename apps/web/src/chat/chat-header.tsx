import { useId, useState } from 'react';
import type { Datasource } from '../api/api-types.js';
import { HealthBadge } from '../sidebar/health-badge.js';

const displayName = (datasource: Datasource) => datasource.name.replace(/\s*\(sandbox\)/i, '');

/** The chat's title and the datasources it uses, which can be changed here as well as in the sidebar. */
export function ChatHeader({
  title,
  datasources,
  selectedIds,
  onChange,
  saveError,
}: {
  title: string;
  datasources: Datasource[];
  selectedIds: string[];
  onChange: (datasourceIds: string[]) => void;
  saveError?: Error | null;
}) {
  const [editing, setEditing] = useState(false);
  const editorId = useId();
  const used = datasources.filter((datasource) => selectedIds.includes(datasource.id));
  return (
    <div className="border-b border-slate-200 px-4 py-2 dark:border-slate-800" data-testid="chat-header">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="min-w-0 truncate text-sm font-semibold" title={title}>
          {title}
        </h2>
        <p className="flex min-w-0 flex-1 flex-wrap items-center gap-1 text-xs" data-testid="chat-sources">
          <span className="text-slate-600 dark:text-slate-400">Uses:</span>
          {used.length === 0 ? <span className="text-amber-800 dark:text-amber-300">no datasource</span> : null}
          {used.map((datasource) => (
            <span
              key={datasource.id}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 dark:bg-slate-800"
              data-testid={`chat-source-${datasource.id}`}
            >
              {displayName(datasource)}
              <span className="text-slate-400" aria-hidden="true">
                ·
              </span>
              <HealthBadge health={datasource.health} showReason={false} />
            </span>
          ))}
        </p>
        <button
          type="button"
          aria-expanded={editing}
          aria-controls={editorId}
          onClick={() => setEditing(!editing)}
          className="rounded px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800"
        >
          {editing ? 'Done' : 'Change sources'}
        </button>
      </div>
      {editing ? (
        <fieldset id={editorId} className="mx-auto mt-2 flex max-w-3xl flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="sr-only">Datasources this chat uses</legend>
          {datasources.map((datasource) => (
            <label key={datasource.id} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                className="h-4 w-4 accent-indigo-600"
                checked={selectedIds.includes(datasource.id)}
                onChange={() =>
                  onChange(
                    selectedIds.includes(datasource.id)
                      ? selectedIds.filter((id) => id !== datasource.id)
                      : [...selectedIds, datasource.id],
                  )
                }
              />
              {displayName(datasource)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {saveError ? (
        <p className="mx-auto mt-1 max-w-3xl text-xs text-rose-700 dark:text-rose-300" role="alert">
          The selection was not saved: {saveError.message}
        </p>
      ) : null}
    </div>
  );
}
