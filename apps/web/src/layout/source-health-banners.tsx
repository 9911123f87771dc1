import type { Datasource } from '../api/api-types.js';
import { Banner } from './banner.js';

/**
 * One banner per datasource this chat uses whose source is down or struggling, naming it and why; the
 * sources the chat does not use show their health in the sidebar only.
 */
export function SourceHealthBanners({
  datasources,
  selectedIds,
  onDeselect,
}: {
  datasources: Datasource[];
  selectedIds: string[];
  onDeselect: (datasourceId: string) => void;
}) {
  const troubled = datasources.filter(
    (datasource) =>
      selectedIds.includes(datasource.id) &&
      (datasource.health.status === 'unreachable' || datasource.health.status === 'degraded'),
  );
  return troubled.map((datasource) => {
    const unreachable = datasource.health.status === 'unreachable';
    return (
      <Banner
        key={datasource.id}
        tone={unreachable ? 'error' : 'warning'}
        title={unreachable ? `${datasource.name} is unreachable` : `${datasource.name} is degraded`}
      >
        <p>{datasource.health.reason ?? (unreachable ? 'Its check fails.' : 'Some of its calls fail.')}</p>
        <p className="mt-1">
          {unreachable
            ? 'Questions in this chat cannot use it until it is back; its status refreshes on its own.'
            : 'Answers that need it may be incomplete.'}{' '}
          <button
            type="button"
            onClick={() => onDeselect(datasource.id)}
            className="rounded border border-current px-2 py-0.5 text-xs font-medium"
          >
            Stop using it in this chat
          </button>
        </p>
      </Banner>
    );
  });
}
