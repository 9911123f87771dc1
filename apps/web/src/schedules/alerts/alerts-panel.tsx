import { useEffect, useId, useRef, useState } from 'react';
import { secondaryButtonClass } from '../../admin/datasources/button-styles.js';
import { AlertForm } from './alert-form.js';
import { createAlertBody, initialAlertFormState, updateAlertBody } from './alert-form-state.js';
import { AlertItem } from './alert-item.js';
import { alertServerError } from './alert-server-error.js';
import type { Alert } from './alert-types.js';
import { useAlerts, useCreateAlert, useUpdateAlert } from './use-alerts.js';
import { WebhookSecretNotice } from './webhook-secret-notice.js';

type Editing = { kind: 'new' } | { kind: 'edit'; alert: Alert } | null;

/**
 * A schedule's alerts: what makes each fire, where it notifies, its last firing; add, edit, delete, and
 * "Send test". A generated webhook secret is shown once, after the save that made it.
 */
export function AlertsPanel({ scheduleId }: { scheduleId: string }) {
  const id = useId();
  const alerts = useAlerts({ scheduleId });
  const create = useCreateAlert({ scheduleId });
  const update = useUpdateAlert({ scheduleId });
  const [editing, setEditing] = useState<Editing>(null);
  const [newSecret, setNewSecret] = useState<{ alertName: string; secret: string } | null>(null);
  const mutation = editing?.kind === 'edit' ? update : create;
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from the form, keyboard users continue from "Add alert" (the secret notice, when shown, keeps the focus).
  useEffect(() => {
    if (wasEditing.current && editing === null && !newSecret) addButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing, newSecret]);

  const open = (next: Editing) => {
    create.reset();
    update.reset();
    setEditing(next);
  };
  const saved = (alert: Alert & { webhook_secret?: string }) => {
    setEditing(null);
    if (alert.webhook_secret) setNewSecret({ alertName: alert.name, secret: alert.webhook_secret });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <div className="flex items-center gap-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold">
          Alerts
        </h3>
        {editing === null ? (
          <button
            ref={addButton}
            type="button"
            className={`ml-auto ${secondaryButtonClass}`}
            onClick={() => open({ kind: 'new' })}
          >
            Add alert
          </button>
        ) : null}
      </div>
      {newSecret ? (
        <WebhookSecretNotice
          alertName={newSecret.alertName}
          secret={newSecret.secret}
          onDone={() => setNewSecret(null)}
        />
      ) : null}
      {editing ? (
        <AlertForm
          key={editing.kind === 'edit' ? editing.alert.id : 'new'}
          title={editing.kind === 'edit' ? `Edit “${editing.alert.name}”` : 'New alert'}
          initial={initialAlertFormState(editing.kind === 'edit' ? { alert: editing.alert } : {})}
          submitLabel={editing.kind === 'edit' ? 'Save alert' : 'Create alert'}
          busy={mutation.isPending}
          serverError={mutation.error ? alertServerError({ error: mutation.error }) : null}
          onCancel={() => setEditing(null)}
          submit={(state) => {
            if (editing.kind === 'edit')
              update.mutate({ alertId: editing.alert.id, body: updateAlertBody(state) }, { onSuccess: saved });
            else create.mutate({ body: createAlertBody(state) }, { onSuccess: saved });
          }}
        />
      ) : null}
      {alerts.isPending ? <p className="text-sm text-slate-600 dark:text-slate-400">Loading alerts…</p> : null}
      {alerts.isError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          The alerts could not be loaded: {alerts.error.message}
        </p>
      ) : null}
      {alerts.data?.length === 0 && editing === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No alerts yet: add one to be told when a run finds something (or fails).
        </p>
      ) : null}
      {alerts.data?.length ? (
        <ul className="space-y-2" aria-label="Alerts of this schedule">
          {alerts.data.map((alert) => (
            <AlertItem
              key={alert.id}
              scheduleId={scheduleId}
              alert={alert}
              onEdit={() => open({ kind: 'edit', alert })}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
