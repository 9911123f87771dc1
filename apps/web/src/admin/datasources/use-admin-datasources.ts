import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/api-request.js';
import { queryKeys } from '../../api/use-api-queries.js';
import type {
  AdminDatasource,
  ConnectionTest,
  ConnectorKind,
  DatasourceCreateBody,
  DatasourceUpdateBody,
} from './admin-datasource-types.js';

export const adminDatasourceKeys = {
  datasources: ['admin', 'datasources'] as const,
  kinds: ['admin', 'connector-kinds'] as const,
};

const datasourcePath = (id: string) => `/api/admin/datasources/${encodeURIComponent(id)}`;

/** Every datasource, file and app, enabled or not, with what an admin may see of its settings. */
export function useAdminDatasources() {
  return useQuery({
    queryKey: adminDatasourceKeys.datasources,
    queryFn: ({ signal }) => apiRequest<{ datasources: AdminDatasource[] }>({ path: '/api/admin/datasources', signal }),
    select: (data) => data.datasources,
    // Health changes on its own; the chat's sidebar asks as often.
    refetchInterval: 10_000,
  });
}

/** The connectors this API can start, each with its variables (from the connector's own description). */
export function useConnectorKinds() {
  return useQuery({
    queryKey: adminDatasourceKeys.kinds,
    queryFn: ({ signal }) => apiRequest<{ kinds: ConnectorKind[] }>({ path: '/api/admin/connector-kinds', signal }),
    select: (data) => data.kinds,
    staleTime: Infinity,
  });
}

/** After any change both lists refresh: this page's and the chat's (its sidebar and selection). */
function useRefreshDatasources() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminDatasourceKeys.datasources }),
      client.invalidateQueries({ queryKey: queryKeys.datasources }),
    ]);
}

export function useCreateDatasource() {
  const refresh = useRefreshDatasources();
  return useMutation({
    mutationFn: ({ body }: { body: DatasourceCreateBody }) =>
      apiRequest<AdminDatasource>({ path: '/api/admin/datasources', method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateDatasource() {
  const refresh = useRefreshDatasources();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DatasourceUpdateBody }) =>
      apiRequest<AdminDatasource>({ path: datasourcePath(id), method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
}

export function useDeleteDatasource() {
  const refresh = useRefreshDatasources();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => apiRequest<void>({ path: datasourcePath(id), method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

/** A saved datasource is tested as saved; an unsaved one from the form's body, without saving it. */
export function useTestDatasource() {
  const refresh = useRefreshDatasources();
  return useMutation({
    mutationFn: (target: { id: string } | { body: DatasourceCreateBody }) =>
      'id' in target
        ? apiRequest<ConnectionTest>({ path: `${datasourcePath(target.id)}/test`, method: 'POST' })
        : apiRequest<ConnectionTest>({ path: '/api/admin/datasources/test', method: 'POST', body: target.body }),
    onSettled: (_result, _error, target) => ('id' in target ? refresh() : undefined),
  });
}
