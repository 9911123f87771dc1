import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/api-request.js';
import type { CreateSavedRequest, SavedItem, SaveTarget } from './saved-types.js';

/** The query key of `GET /api/saved` (the Schedules page lists saved items under it). */
export const savedQueryKey = ['saved'] as const;

export function savedRequestBody({ target, name }: { target: SaveTarget; name: string }): CreateSavedRequest {
  return target.kind === 'tool_call'
    ? { name, datasource: target.datasource, tool: target.tool, arguments: target.arguments }
    : { name, question: target.question, datasources: target.datasources };
}

/** `POST /api/saved`: keeps a tool call or a question under a name. */
export function useCreateSaved() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, name }: { target: SaveTarget; name: string }) =>
      apiRequest<SavedItem>({ path: '/api/saved', method: 'POST', body: savedRequestBody({ target, name }) }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedQueryKey }),
  });
}
