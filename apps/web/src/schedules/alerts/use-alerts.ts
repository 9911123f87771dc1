import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertTestResponse,
  AlertsResponse,
  CreateAlertRequest,
  SavedAlertResponse,
  UpdateAlertRequest,
} from './alert-types.js';
import { apiRequest } from '../../api/api-request.js';

export const alertsQueryKey = (scheduleId: string) => ['schedules', scheduleId, 'alerts'] as const;

function alertsPath({ scheduleId, alertId }: { scheduleId: string; alertId?: string }): string {
  const base = `/api/schedules/${encodeURIComponent(scheduleId)}/alerts`;
  return alertId ? `${base}/${encodeURIComponent(alertId)}` : base;
}

/** A schedule's alerts with their last firing. */
export function useAlerts({ scheduleId }: { scheduleId: string }) {
  return useQuery({
    queryKey: alertsQueryKey(scheduleId),
    queryFn: ({ signal }) => apiRequest<AlertsResponse>({ path: alertsPath({ scheduleId }), signal }),
    select: (data) => data.alerts,
  });
}

/** Refreshes the alerts and the schedules list, whose rows count the alerts. */
function useInvalidateAlerts({ scheduleId }: { scheduleId: string }) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: alertsQueryKey(scheduleId) }),
      client.invalidateQueries({ queryKey: ['schedules'], exact: true }),
    ]);
}

export function useCreateAlert({ scheduleId }: { scheduleId: string }) {
  const invalidate = useInvalidateAlerts({ scheduleId });
  return useMutation({
    mutationFn: ({ body }: { body: CreateAlertRequest }) =>
      apiRequest<SavedAlertResponse>({ path: alertsPath({ scheduleId }), method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateAlert({ scheduleId }: { scheduleId: string }) {
  const invalidate = useInvalidateAlerts({ scheduleId });
  return useMutation({
    mutationFn: ({ alertId, body }: { alertId: string; body: UpdateAlertRequest }) =>
      apiRequest<SavedAlertResponse>({ path: alertsPath({ scheduleId, alertId }), method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteAlert({ scheduleId }: { scheduleId: string }) {
  const invalidate = useInvalidateAlerts({ scheduleId });
  return useMutation({
    mutationFn: ({ alertId }: { alertId: string }) =>
      apiRequest<void>({ path: alertsPath({ scheduleId, alertId }), method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Sends a test notification on each of the alert's channels now. */
export function useTestAlert({ scheduleId }: { scheduleId: string }) {
  return useMutation({
    mutationFn: ({ alertId }: { alertId: string }) =>
      apiRequest<AlertTestResponse>({ path: `${alertsPath({ scheduleId, alertId })}/test`, method: 'POST' }),
  });
}
