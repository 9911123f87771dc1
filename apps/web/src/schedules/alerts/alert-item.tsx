import { useState } from 'react';
import { DateCell } from '../../account/date-cell.js';
import { smallButtonClass } from '../../admin/datasources/button-styles.js';
import { ConfirmDialog } from '../../admin/datasources/confirm-dialog.js';
import { AlertTestResults } from './alert-test-results.js';
import type { Alert } from './alert-types.js';
import { describeChannels, describeCondition, firingStatusLabels } from './describe-alert.js';
import { useDeleteAlert, useTestAlert } from './use-alerts.js';

const firingStatusStyles: Record<NonNullable<Alert['last_firing']>['status'], string> = {
  pending: 'text-sky-800 dark:text-sky-300',
  deferred: 'text-amber-800 dark:text-amber-300',
  sent: 'text-emerald-800 dark:text-emerald-300',
  failed: 'text-rose-800 dark:text-rose-300',
  suppressed: 'text-slate-600 dark:text-slate-400',
};

/** One alert: its condition in words, where it notifies, quiet hours, its last firing, and what can be done. */
export function AlertItem({ scheduleId, alert, onEdit }: { scheduleId: string; alert: Alert; onEdit: () => void }) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useDeleteAlert({ scheduleId });
  const test = useTestAlert({ scheduleId });
  const firing = alert.last_firing;
  return (
    <li
      className="space-y-1 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
      aria-label={alert.name}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{alert.name}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            alert.enabled
              ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100'
              : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'
          }`}
        >
          {alert.enabled ? 'On' : 'Off'}
        </span>
        <span className="ml-auto flex flex-wrap gap-1">
          <button type="button" className={smallButtonClass} aria-label={`Edit ${alert.name}`} onClick={onEdit}>
            Edit
          </button>
          <button
            type="button"
            className={smallButtonClass}
            aria-label={`Send test of ${alert.name}`}
            disabled={test.isPending}
            onClick={() => test.mutate({ alertId: alert.id })}
          >
            {test.isPending ? 'Sending…' : 'Send test'}
          </button>
          <button
            type="button"
            className={smallButtonClass}
            aria-label={`Delete ${alert.name}`}
            onClick={() => setConfirmingDelete(true)}
          >
            Delete
          </button>
        </span>
      </div>
      <p>{describeCondition({ condition: alert.condition })}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {describeChannels({ alert }).join(' · ')}
        {alert.quiet_hours
          ? ` · quiet ${alert.quiet_hours.start}–${alert.quiet_hours.end} (${alert.quiet_hours.timezone})`
          : ''}
      </p>
      <p className="text-xs">
        {firing ? (
          <>
            Last fired <DateCell iso={firing.fired_at} />:{' '}
            <span className={`font-medium ${firingStatusStyles[firing.status]}`}>
              {firingStatusLabels[firing.status]}
            </span>
            {firing.message ? <span className="text-slate-600 dark:text-slate-400"> — {firing.message}</span> : null}
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">Not fired yet</span>
        )}
      </p>
      <div role="status" aria-live="polite">
        {test.data ? <AlertTestResults deliveries={test.data.deliveries} /> : null}
        {test.error ? (
          <p className="text-xs text-rose-800 dark:text-rose-300">The test was not sent: {test.error.message}</p>
        ) : null}
      </div>
      {confirmingDelete ? (
        <ConfirmDialog
          title={`Delete the alert “${alert.name}”?`}
          confirmLabel="Delete alert"
          busy={remove.isPending}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => remove.mutate({ alertId: alert.id }, { onSuccess: () => setConfirmingDelete(false) })}
        >
          <p>It stops notifying. Past runs are kept.</p>
          {remove.error ? (
            <p role="alert" className="text-rose-800 dark:text-rose-300">
              {remove.error.message}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
