import { useMemo, useState } from 'react';
import { ApiRequestError } from '../../api/api-request-error.js';
import { Banner } from '../../layout/banner.js';
import { secondaryButtonClass } from '../datasources/button-styles.js';
import { Spinner } from '../datasources/spinner.js';
import { useAdminDatasources } from '../datasources/use-admin-datasources.js';
import { AuditExportLink } from './audit-export-link.js';
import { emptyAuditFilters, type AuditFilterValues } from './audit-filter-values.js';
import { AuditFilters } from './audit-filters.js';
import { AuditTable } from './audit-table.js';
import { RetentionSetting } from './retention-setting.js';
import { useAuditLog } from './use-audit-log.js';

const anyFilter = (filters: AuditFilterValues) => Object.values(filters).some((value) => value !== '');

/** Admins browse who asked what, which tools ran and who approved, export it as CSV and set its retention. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const log = useAuditLog({ filters });
  const datasources = useAdminDatasources();
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);
  const actors = useMemo(() => [...new Map(entries.map((entry) => [entry.actor.id, entry.actor])).values()], [entries]);
  const forbidden = log.error instanceof ApiRequestError && log.error.status === 403;

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-6xl space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="text-lg font-semibold">Audit log</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Who asked what, which tools ran with which arguments, who approved or denied, and every change to
              datasources, users and settings.
            </p>
          </div>
          <AuditExportLink filters={filters} />
        </div>
        <AuditFilters
          applied={filters}
          actors={actors}
          datasourceIds={(datasources.data ?? []).map((datasource) => datasource.id)}
          onApply={setFilters}
        />
        {log.isLoading ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <Spinner /> Loading the audit log…
          </p>
        ) : null}
        {log.error ? (
          <Banner tone="error" title="The audit log could not be loaded">
            <p>{forbidden ? 'Only admins can read the audit log.' : log.error.message}</p>
          </Banner>
        ) : null}
        {log.isSuccess && entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {anyFilter(filters) ? 'Nothing matches these filters.' : 'Nothing has been recorded yet.'}
          </p>
        ) : null}
        {entries.length > 0 ? (
          <>
            <p aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
              {log.isFetching && !log.isFetchingNextPage ? 'Updating… ' : ''}
              {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown
              {log.hasNextPage ? ', more below' : ''}.
            </p>
            <AuditTable entries={entries} />
          </>
        ) : null}
        {log.hasNextPage ? (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? <Spinner /> : null}
            {log.isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        ) : null}
        <RetentionSetting />
      </div>
    </div>
  );
}
