import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/api-request.js';
import type { ApiKeySummary, CreatedApiKey } from './account-types.js';

export const apiKeysQueryKey = ['api-keys'] as const;

/** The signed-in user's API keys (never the keys themselves: a name, the first characters and dates). */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysQueryKey,
    queryFn: ({ signal }) => apiRequest<{ apiKeys: ApiKeySummary[] }>({ path: '/api/me/api-keys', signal }),
    select: (data) => data.apiKeys,
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name }: { name: string }) =>
      apiRequest<CreatedApiKey>({ path: '/api/me/api-keys', method: 'POST', body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      apiRequest<void>({ path: `/api/me/api-keys/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
