import { useId } from 'react';
import { useAlerts } from './use-alerts.js';

/** A schedule's alerts: what makes each fire, where it notifies, and its last firing. */
export function AlertsPanel({ scheduleId }: { scheduleId: string }) {
  const id = useId();
  const alerts = useAlerts({ scheduleId });
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Alerts
      </h3>
      {alerts.isPending ? <p className="text-sm text-slate-600 dark:text-slate-400">Loading alerts…</p> : null}
      {alerts.isError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          The alerts could not be loaded: {alerts.error.message}
        </p>
      ) : null}
      {alerts.data?.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No alerts yet.</p> : null}
      {alerts.data?.length ? (
        <ul className="space-y-1">
          {alerts.data.map((alert) => (
            <li key={alert.id} className="text-sm">
              {alert.name}
              {alert.enabled ? '' : ' (off)'}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
