import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateScheduleRequest,
  SavedItemsResponse,
  Schedule,
  ScheduleRunDetail,
  ScheduleRunsResponse,
  SchedulesResponse,
  UpdateScheduleRequest,
} from './schedule-types.js';
import { apiRequest } from '../api/api-request.js';

export const runsPageSize = 20;

/** `['schedules']` is the list (the alerts panel refreshes it exactly); a schedule's own data sits beneath. */
export const scheduleKeys = {
  list: ['schedules'] as const,
  runs: (scheduleId: string) => ['schedules', scheduleId, 'runs'] as const,
  run: (scheduleId: string, runId: string) => ['schedules', scheduleId, 'runs', runId] as const,
  saved: ['saved'] as const,
};

const schedulePath = (id: string) => `/api/schedules/${encodeURIComponent(id)}`;

/** Every second or two while a run is in progress or awaited, else twice a minute (next runs move on). */
export const scheduleRefreshMs = ({ schedules, waiting }: { schedules: Schedule[] | undefined; waiting: boolean }) =>
  waiting || schedules?.some((schedule) => schedule.running_since) ? 1_500 : 30_000;

/** The caller's schedules with their next run, last run and last firing; `waiting`: a run was asked for. */
export function useSchedules({ waiting = false }: { waiting?: boolean } = {}) {
  return useQuery({
    queryKey: scheduleKeys.list,
    queryFn: ({ signal }) => apiRequest<SchedulesResponse>({ path: '/api/schedules', signal }),
    select: (data) => data.schedules,
    refetchInterval: (query) => scheduleRefreshMs({ schedules: query.state.data?.schedules, waiting }),
  });
}

/** The caller's saved tool calls and questions, newest first. */
export function useSavedItems() {
  return useQuery({
    queryKey: scheduleKeys.saved,
    queryFn: ({ signal }) => apiRequest<SavedItemsResponse>({ path: '/api/saved', signal }),
    select: (data) => data.saved,
  });
}

/** A schedule's finished runs, newest first, a page at a time (each page starts before the last one's end). */
export function useScheduleRuns({ scheduleId, pollMs }: { scheduleId: string; pollMs: number | false }) {
  return useInfiniteQuery({
    queryKey: scheduleKeys.runs(scheduleId),
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams({ limit: String(runsPageSize) });
      if (pageParam) search.set('before', pageParam);
      return apiRequest<ScheduleRunsResponse>({ path: `${schedulePath(scheduleId)}/runs?${search}`, signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_before ?? undefined,
    refetchInterval: pollMs,
  });
}

/** One run with its kept result and its difference from the run before. */
export function useScheduleRun({ scheduleId, runId }: { scheduleId: string; runId: string | null }) {
  return useQuery({
    queryKey: scheduleKeys.run(scheduleId, runId ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<ScheduleRunDetail>({
        path: `${schedulePath(scheduleId)}/runs/${encodeURIComponent(runId!)}`,
        signal,
      }),
    enabled: runId !== null,
    // A finished run never changes.
    staleTime: Infinity,
  });
}

/** Schedules and saved items count each other (a saved item's schedules), so a change refreshes both. */
function useRefreshSchedules() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: scheduleKeys.list, exact: true }),
      client.invalidateQueries({ queryKey: scheduleKeys.saved }),
    ]);
}

export function useCreateSchedule() {
  const client = useQueryClient();
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: ({ body }: { body: CreateScheduleRequest }) =>
      apiRequest<Schedule>({ path: '/api/schedules', method: 'POST', body }),
    onSuccess: (created) => {
      // In the list at once, so it can be opened before the list is asked again.
      client.setQueryData<SchedulesResponse>(scheduleKeys.list, (current) =>
        current ? { schedules: [created, ...current.schedules.filter((entry) => entry.id !== created.id)] } : current,
      );
      return refresh();
    },
  });
}

export function useUpdateSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateScheduleRequest }) =>
      apiRequest<Schedule>({ path: schedulePath(id), method: 'PATCH', body }),
    onSuccess: (updated) => {
      client.setQueryData<SchedulesResponse>(scheduleKeys.list, (current) =>
        current
          ? { schedules: current.schedules.map((schedule) => (schedule.id === updated.id ? updated : schedule)) }
          : current,
      );
      return client.invalidateQueries({ queryKey: scheduleKeys.list, exact: true });
    },
  });
}

export function useDeleteSchedule() {
  const client = useQueryClient();
  const refresh = useRefreshSchedules();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => apiRequest<void>({ path: schedulePath(id), method: 'DELETE' }),
    onSuccess: (_result, { id }) => {
      client.removeQueries({ queryKey: ['schedules', id] });
      return refresh();
    },
  });
}

/** Asks for a run now; the answer is the run's `due_at`, by which its row is found once it has finished. */
export function useRunScheduleNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      apiRequest<{ due_at: string }>({ path: `${schedulePath(id)}/run`, method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: scheduleKeys.list, exact: true }),
  });
}

export function useDeleteSaved() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) =>
      apiRequest<void>({ path: `/api/saved/${encodeURIComponent(id)}`, method: 'DELETE' }),
    // Its schedules went with it, their runs and alerts too.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: scheduleKeys.list }),
        client.invalidateQueries({ queryKey: scheduleKeys.saved }),
      ]),
  });
}
