import type { Datasource } from '../api/api-types.js';
import { useConnectionTest } from '../api/use-api-queries.js';
import { HealthBadge } from './health-badge.js';

function DatasourceRow({
  datasource,
  selected,
  onToggle,
}: {
  datasource: Datasource;
  selected: boolean;
  onToggle: (id: string) => void;
}) {
  const test = useConnectionTest();
  const sandbox = /\(sandbox\)/i.test(datasource.name);
  return (
    <li
      className="rounded-md px-2 py-2 hover:bg-slate-100 dark:hover:bg-slate-800/60"
      data-testid={`datasource-${datasource.id}`}
    >
      <div className="flex items-start gap-2">
        <input
          id={`datasource-${datasource.id}`}
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(datasource.id)}
          aria-describedby={`datasource-${datasource.id}-status`}
          className="mt-1 h-4 w-4 accent-indigo-600"
        />
        <div className="min-w-0 flex-1">
          <label htmlFor={`datasource-${datasource.id}`} className="block truncate text-sm font-medium">
            {datasource.name.replace(/\s*\(sandbox\)/i, '')}
          </label>
          <div id={`datasource-${datasource.id}-status`} className="mt-1 flex flex-wrap items-center gap-1 text-xs">
            <HealthBadge health={datasource.health} showReason={false} />
            {datasource.kind ? <span className="text-slate-500 dark:text-slate-400">· {datasource.kind}</span> : null}
            <span
              className={`rounded px-1.5 py-0.5 font-medium ${datasource.writes ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100' : 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200'}`}
            >
              {datasource.writes ? 'writes enabled' : 'read-only'}
            </span>
            {sandbox ? (
              <span className="rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-800 dark:bg-sky-900 dark:text-sky-100">
                sandbox
              </span>
            ) : null}
            {datasource.health.status !== 'connected' && datasource.health.reason ? (
              <span className="basis-full text-slate-700 dark:text-slate-300" data-testid="health-reason">
                {datasource.health.reason}
              </span>
            ) : null}
          </div>
          <button
            type="button"
            onClick={() => test.mutate({ datasourceId: datasource.id })}
            disabled={test.isPending}
            className="mt-1 text-xs text-indigo-600 hover:underline disabled:opacity-60 dark:text-indigo-400"
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          {test.data ? (
            <p
              className={`text-xs ${test.data.status === 'ok' ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}
              role="status"
            >
              {test.data.status === 'ok'
                ? `OK · ${test.data.toolCount} tools · ${Math.round(test.data.latencyMs)} ms${test.data.check ? ` · ${test.data.check}` : ''}`
                : `Failed: ${test.data.error ?? 'unknown error'}`}
            </p>
          ) : null}
          {test.error ? (
            <p className="text-xs text-rose-700 dark:text-rose-300" role="status">
              Failed: {test.error.message}
            </p>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** The datasources, each with its source's health and a connection test; the ticked ones are this chat's. */
export function DatasourceList({
  datasources,
  selectedIds,
  onToggle,
  isLoading,
}: {
  datasources: Datasource[];
  selectedIds: string[];
  onToggle: (id: string) => void;
  isLoading: boolean;
}) {
  return (
    <section aria-labelledby="datasources-heading">
      <h2
        id="datasources-heading"
        className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400"
      >
        Datasources
      </h2>
      <p className="px-2 text-xs text-slate-600 dark:text-slate-400">Ticked sources are the ones this chat uses.</p>
      {isLoading ? <p className="px-2 py-2 text-sm text-slate-500 dark:text-slate-400">Starting connectors…</p> : null}
      {!isLoading && datasources.length === 0 ? (
        <p className="px-2 py-2 text-sm text-slate-500 dark:text-slate-400">No datasources are configured.</p>
      ) : null}
      <ul className="mt-1 space-y-0.5">
        {datasources.map((datasource) => (
          <DatasourceRow
            key={datasource.id}
            datasource={datasource}
            selected={selectedIds.includes(datasource.id)}
            onToggle={onToggle}
          />
        ))}
      </ul>
    </section>
  );
}
