import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PendingApproval } from '../account/account-types.js';
import { apiRequest } from '../api/api-request.js';

export const approvalsQueryKey = ['approvals'] as const;

/** How often the sidebar's count of writes waiting for this user's decision is refreshed. */
export const approvalsRefreshMs = 10_000;

/** Writes waiting for a decision this user may make: their own runs', and others' where they approve. */
export function useApprovals() {
  return useQuery({
    queryKey: approvalsQueryKey,
    queryFn: ({ signal }) => apiRequest<{ approvals: PendingApproval[] }>({ path: '/api/approvals', signal }),
    select: (data) => data.approvals,
    refetchInterval: approvalsRefreshMs,
  });
}

export function useDecideApproval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      apiRequest<unknown>({ path: `/api/chat/approvals/${encodeURIComponent(id)}`, method: 'POST', body: { approve } }),
    // Decided here or by someone else meanwhile (409, 404): either way the list is out of date.
    onSettled: () => client.invalidateQueries({ queryKey: approvalsQueryKey }),
  });
}
