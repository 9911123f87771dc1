import type { ConnectorHub } from '@connectormcp/orchestrator';
import { ApiError } from '../api-error.js';

/** Refuses ids that are not enabled datasources of this API (400 `unknown_datasource`, naming them). */
export function assertKnownDatasources({ hub, ids }: { hub: ConnectorHub; ids: string[] }): void {
  const known = new Set(
    hub
      .datasources()
      .filter((datasource) => datasource.enabled)
      .map((datasource) => datasource.id),
  );
  const unknown = [...new Set(ids.filter((id) => !known.has(id)))];
  if (unknown.length > 0)
    throw new ApiError({
      status: 400,
      code: 'unknown_datasource',
      message: `Unknown datasource: ${unknown.join(', ')}.`,
    });
}
