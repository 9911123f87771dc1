import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/api-request.js';
import { auditSearchParams, type AuditFilterValues } from './audit-filter-values.js';
import type { AppSettings, AuditResponse } from './audit-types.js';

export const auditPageSize = 50;

export const auditKeys = {
  log: (filters: AuditFilterValues) => ['admin', 'audit', filters] as const,
  settings: ['admin', 'settings'] as const,
};

/** The audit log, newest first, a page at a time: each next page starts at the last one's cursor. */
export function useAuditLog({ filters }: { filters: AuditFilterValues }) {
  return useInfiniteQuery({
    queryKey: auditKeys.log(filters),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<AuditResponse>({
        path: `/api/admin/audit?${auditSearchParams({ filters, limit: auditPageSize, before: pageParam })}`,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The table stays while other filters load, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useAppSettings() {
  return useQuery({
    queryKey: auditKeys.settings,
    queryFn: ({ signal }) => apiRequest<AppSettings>({ path: '/api/admin/settings', signal }),
  });
}

export function useSaveAppSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<AppSettings>) =>
      apiRequest<AppSettings>({ path: '/api/admin/settings', method: 'PATCH', body: settings }),
    onSuccess: (saved) => client.setQueryData(auditKeys.settings, saved),
  });
}
