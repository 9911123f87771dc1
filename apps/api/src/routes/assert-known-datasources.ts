import type { RequestUser } from '../auth/request-user.js';
import { ApiError } from '../api-error.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';

/**
 * Refuses ids that are not enabled datasources this user may use (400 `unknown_datasource`, naming them). One
 * the user may not use is refused exactly like an unknown one, so its existence does not leak.
 */
export function assertKnownDatasources({
  registry,
  user,
  ids,
}: {
  registry: DatasourceRegistry;
  user: RequestUser;
  ids: string[];
}): void {
  const known = new Set(registry.usable(user).map((datasource) => datasource.config.id));
  const unknown = [...new Set(ids.filter((id) => !known.has(id)))];
  if (unknown.length > 0)
    throw new ApiError({
      status: 400,
      code: 'unknown_datasource',
      message: `Unknown datasource: ${unknown.join(', ')}.`,
    });
}
