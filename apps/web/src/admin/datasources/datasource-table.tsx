import { HealthBadge } from '../../sidebar/health-badge.js';
import { fullDateTime, relativeTime } from '../../sidebar/relative-time.js';
import type { AdminDatasource, ConnectorKind } from './admin-datasource-types.js';
import { smallButtonClass } from './button-styles.js';
import { KindLabel } from './kind-label.js';

const cellClass = 'px-3 py-2 align-top';
const headerClass =
  'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400';

function LastChange({ datasource }: { datasource: AdminDatasource }) {
  if (!datasource.updatedAt) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  const date = new Date(datasource.updatedAt);
  return (
    <span>
      <time dateTime={datasource.updatedAt} title={fullDateTime({ date })}>
        {relativeTime({ date })}
      </time>
      {datasource.updatedBy ? (
        <span className="block text-xs text-slate-600 dark:text-slate-400">by {datasource.updatedBy}</span>
      ) : null}
    </span>
  );
}

function Transport({ datasource }: { datasource: AdminDatasource }) {
  if (datasource.transport === 'http')
    return (
      <span>
        Remote (HTTP)
        {datasource.url ? (
          <span
            className="block max-w-48 truncate font-mono text-xs text-slate-600 dark:text-slate-400"
            title={datasource.url}
          >
            {URL.canParse(datasource.url) ? new URL(datasource.url).host : datasource.url}
          </span>
        ) : null}
      </span>
    );
  return <span>Command (stdio)</span>;
}

/**
 * Every datasource with its kind, where it is defined, transport, health, an enabled switch and its last
 * change; file datasources can be viewed, app ones edited and deleted.
 */
export function DatasourceTable({
  datasources,
  kinds,
  pendingToggleId,
  onToggle,
  onOpen,
  onDelete,
}: {
  datasources: AdminDatasource[];
  kinds: ConnectorKind[];
  /** The datasource whose enabled switch is being saved. */
  pendingToggleId: string | null;
  onToggle: (datasource: AdminDatasource, enabled: boolean) => void;
  onOpen: (datasource: AdminDatasource) => void;
  onDelete: (datasource: AdminDatasource) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Datasources</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={headerClass}>
              Datasource
            </th>
            <th scope="col" className={headerClass}>
              Kind
            </th>
            <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
              Source
            </th>
            <th scope="col" className={`${headerClass} hidden lg:table-cell`}>
              Transport
            </th>
            <th scope="col" className={headerClass}>
              Health
            </th>
            <th scope="col" className={headerClass}>
              Enabled
            </th>
            <th scope="col" className={`${headerClass} hidden md:table-cell`}>
              Last changed
            </th>
            <th scope="col" className={headerClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {datasources.map((datasource) => (
            <tr key={datasource.id} data-testid={`admin-datasource-${datasource.id}`}>
              <th scope="row" className={`${cellClass} text-left font-normal`}>
                <span className="block font-medium">{datasource.name}</span>
                <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{datasource.id}</span>
                {datasource.readOnly ? (
                  <span className="mt-1 inline-block rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800 lg:hidden dark:bg-slate-700 dark:text-slate-100">
                    config file · read-only
                  </span>
                ) : null}
              </th>
              <td className={cellClass}>
                <KindLabel
                  kind={datasource.kind}
                  transport={datasource.transport}
                  title={kinds.find((kind) => kind.kind === datasource.kind)?.title}
                />
              </td>
              <td className={`${cellClass} hidden lg:table-cell`}>
                {datasource.readOnly ? (
                  <span>
                    Config file
                    <span className="block text-xs text-slate-600 dark:text-slate-400">read-only</span>
                  </span>
                ) : (
                  'App'
                )}
              </td>
              <td className={`${cellClass} hidden lg:table-cell`}>
                <Transport datasource={datasource} />
              </td>
              <td className={cellClass}>
                <HealthBadge health={datasource.health} />
              </td>
              <td className={cellClass}>
                <input
                  type="checkbox"
                  role="switch"
                  aria-label={`${datasource.name} enabled`}
                  checked={datasource.enabled}
                  disabled={datasource.readOnly || pendingToggleId === datasource.id}
                  title={datasource.readOnly ? 'Set in the config file' : undefined}
                  onChange={(event) => onToggle(datasource, event.target.checked)}
                  className="h-4 w-4 accent-indigo-600"
                />
              </td>
              <td className={`${cellClass} hidden md:table-cell`}>
                <LastChange datasource={datasource} />
              </td>
              <td className={`${cellClass} whitespace-nowrap text-right`}>
                <span className="inline-flex gap-1">
                  <button type="button" className={smallButtonClass} onClick={() => onOpen(datasource)}>
                    {datasource.readOnly ? 'View' : 'Edit'}
                    <span className="sr-only"> {datasource.name}</span>
                  </button>
                  {datasource.readOnly ? null : (
                    <button
                      type="button"
                      className={`${smallButtonClass} text-rose-800 dark:text-rose-300`}
                      onClick={() => onDelete(datasource)}
                    >
                      Delete<span className="sr-only"> {datasource.name}</span>
                    </button>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
