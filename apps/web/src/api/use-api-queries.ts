import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-request.js';
import type { ConnectionTest, Datasource, SessionDetail, SessionSummary, StatusResponse } from './api-types.js';

export const queryKeys = {
  datasources: ['datasources'] as const,
  sessions: ['sessions'] as const,
  session: (id: string) => ['sessions', id] as const,
  health: ['health'] as const,
  status: ['status'] as const,
};

/** How often the sidebar asks for each source's health; the server checks on its own schedule too. */
export const datasourcesRefreshMs = 10_000;

/** Datasources with their sources' health, refreshed while the page is open. */
export function useDatasources() {
  return useQuery({
    queryKey: queryKeys.datasources,
    queryFn: ({ signal }) => apiRequest<{ datasources: Datasource[] }>({ path: '/api/datasources', signal }),
    select: (data) => data.datasources,
    refetchInterval: datasourcesRefreshMs,
  });
}

/** Whether the chat can answer at all (an Anthropic key on the server), known before anything is sent. */
export function useChatStatus() {
  return useQuery({
    queryKey: queryKeys.status,
    queryFn: ({ signal }) => apiRequest<StatusResponse>({ path: '/api/status', signal }),
    select: (data) => data.chat,
    refetchInterval: 60_000,
  });
}

/** Whether the server answers at all (the "server unreachable" banner). */
export function useServerHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => apiRequest<{ status: string }>({ path: '/healthz', signal }),
    refetchInterval: 10_000,
    retry: false,
  });
}

export function useConnectionTest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ datasourceId }: { datasourceId: string }) =>
      apiRequest<ConnectionTest>({ path: `/api/datasources/${encodeURIComponent(datasourceId)}/test` }),
    // A test also refreshes the source's health on the server.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.datasources }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => apiRequest<{ sessions: SessionSummary[] }>({ path: '/api/chat/sessions', signal }),
    select: (data) => data.sessions,
  });
}

export function useSession({ id }: { id: string | null }) {
  return useQuery({
    queryKey: queryKeys.session(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<SessionDetail>({ path: `/api/chat/sessions/${encodeURIComponent(id!)}`, signal }),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useRenameSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      apiRequest<SessionSummary>({
        path: `/api/chat/sessions/${encodeURIComponent(id)}`,
        method: 'PATCH',
        body: { title },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

/** Saves which datasources a chat uses; the list of chats shows the new selection at once. */
export function useSaveSessionDatasources() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, datasources }: { id: string; datasources: string[] }) =>
      apiRequest<SessionSummary>({
        path: `/api/chat/sessions/${encodeURIComponent(id)}`,
        method: 'PATCH',
        body: { datasources },
      }),
    onSuccess: (updated) => {
      client.setQueryData<{ sessions: SessionSummary[] }>(queryKeys.sessions, (current) =>
        current
          ? { sessions: current.sessions.map((session) => (session.id === updated.id ? updated : session)) }
          : current,
      );
    },
  });
}

export function useDeleteSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      apiRequest<void>({ path: `/api/chat/sessions/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: (_result, { id }) => {
      client.removeQueries({ queryKey: queryKeys.session(id) });
      return client.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });
}
