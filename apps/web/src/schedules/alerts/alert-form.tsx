import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { primaryButtonClass, secondaryButtonClass, smallButtonClass } from '../../admin/datasources/button-styles.js';
import { fieldInputClass, FormField } from '../../admin/datasources/form-field.js';
import {
  AlertFormError,
  comparisonOperators,
  type AlertFormField,
  type AlertFormState,
  type ConditionType,
} from './alert-form-state.js';
import { operatorWords } from './describe-alert.js';

const conditionLabels: Record<ConditionType, string> = {
  row_count: 'The row count',
  column: 'A column',
  changed: 'The result changed',
  failed: 'The run failed',
};

const checkboxClass = 'h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500';

function timezones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * An alert's fields: name, condition, channels (webhook, email), quiet hours, on/off. `submit` turns the
 * state into a request body and throws AlertFormError for a field that is wrong; the server's refusal
 * (`serverError`) stands next to its field or above the buttons.
 */
export function AlertForm({
  title,
  initial,
  submitLabel,
  busy,
  serverError,
  submit,
  onCancel,
}: {
  title: string;
  initial: AlertFormState;
  submitLabel: string;
  busy: boolean;
  serverError: { field: AlertFormField | null; message: string } | null;
  submit: (state: AlertFormState) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [state, setState] = useState(initial);
  const [formError, setFormError] = useState<AlertFormError | null>(null);
  const zoneNames = useMemo(timezones, []);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);
  const change = (next: Partial<AlertFormState>) => {
    setState((current) => ({ ...current, ...next }));
    setFormError(null);
  };
  // A problem found here wins over the server's last answer about the same form.
  const problem = formError ? { field: formError.field, message: formError.message } : serverError;
  const errorOf = (field: AlertFormField) => (problem?.field === field ? problem.message : undefined);
  // The field a problem is about takes the focus, which reads its message out with it.
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem?.field, problem?.message]);
  const compares = state.conditionType === 'row_count' || state.conditionType === 'column';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    try {
      submit(state);
    } catch (error) {
      if (error instanceof AlertFormError) setFormError(error);
      else throw error;
    }
  };

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md border border-indigo-200 bg-white p-3 dark:border-indigo-800 dark:bg-slate-950"
    >
      <h4 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h4>
      <FormField label="Name" required error={errorOf('name')}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={120}
            value={state.name}
            onChange={(event) => change({ name: event.target.value })}
            className={fieldInputClass}
          />
        )}
      </FormField>
      <Group legend="Condition">
        <div className="grid gap-2 sm:grid-cols-3">
          <FormField label="When">
            {(control) => (
              <select
                {...control}
                value={state.conditionType}
                onChange={(event) => change({ conditionType: event.target.value as ConditionType })}
                className={fieldInputClass}
              >
                {Object.entries(conditionLabels).map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {state.conditionType === 'column' ? (
            <FormField label="Column" required error={errorOf('column')}>
              {(control) => (
                <input
                  {...control}
                  required
                  maxLength={200}
                  value={state.column}
                  onChange={(event) => change({ column: event.target.value })}
                  className={`${fieldInputClass} font-mono`}
                />
              )}
            </FormField>
          ) : null}
          {compares ? (
            <>
              <FormField label="Comparison">
                {(control) => (
                  <select
                    {...control}
                    value={state.operator}
                    onChange={(event) => change({ operator: event.target.value as AlertFormState['operator'] })}
                    className={fieldInputClass}
                  >
                    {comparisonOperators.map((operator) => (
                      <option key={operator} value={operator}>
                        {operatorWords[operator]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField
                label="Value"
                required
                error={errorOf('value')}
                {...(state.conditionType === 'column'
                  ? { help: 'A number, or text compared with “is” / “is not”.' }
                  : {})}
              >
                {(control) => (
                  <input
                    {...control}
                    required
                    inputMode={state.conditionType === 'row_count' ? 'numeric' : undefined}
                    value={state.value}
                    onChange={(event) => change({ value: event.target.value })}
                    className={fieldInputClass}
                  />
                )}
              </FormField>
            </>
          ) : null}
          {state.conditionType === 'column' ? (
            <FormField label="Rows">
              {(control) => (
                <select
                  {...control}
                  value={state.match}
                  onChange={(event) => change({ match: event.target.value as AlertFormState['match'] })}
                  className={fieldInputClass}
                >
                  <option value="any">in any row</option>
                  <option value="all">in every row</option>
                </select>
              )}
            </FormField>
          ) : null}
        </div>
        {state.conditionType === 'changed' ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Rows added, removed or changed since the previous run (for a question: a different answer).
          </p>
        ) : null}
      </Group>
      <Group legend="Notify">
        <FormField label="Webhook (Slack-compatible)" inline error={errorOf('channels')}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={state.webhookOn}
              onChange={(event) => change({ webhookOn: event.target.checked })}
              className={checkboxClass}
            />
          )}
        </FormField>
        {state.webhookOn && state.webhookStored && !state.webhookReplacing ? (
          <div className="flex flex-wrap items-center gap-2 pl-6 text-sm">
            <span className="font-mono text-xs">{state.webhookStored.urlHint}</span>
            {state.webhookStored.hasSecret ? (
              <span className="text-xs text-slate-600 dark:text-slate-400">signed</span>
            ) : null}
            <button
              type="button"
              className={smallButtonClass}
              onClick={() => change({ webhookReplacing: true, webhookUrl: '', webhookSecret: '' })}
            >
              Replace webhook
            </button>
          </div>
        ) : null}
        {state.webhookOn && (!state.webhookStored || state.webhookReplacing) ? (
          <div className="space-y-2 pl-6">
            <FormField
              label="Webhook URL"
              required
              error={errorOf('webhookUrl')}
              help="Stored encrypted and shown later as its origin only."
            >
              {(control) => (
                <input
                  {...control}
                  type="url"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://hooks.slack.com/services/…"
                  value={state.webhookUrl}
                  onChange={(event) => change({ webhookUrl: event.target.value })}
                  className={`${fieldInputClass} font-mono`}
                />
              )}
            </FormField>
            <FormField
              label="Signing secret"
              error={errorOf('webhookSecret')}
              help={
                state.webhookStored?.hasSecret
                  ? 'Leave empty to keep the stored secret (same origin) or get a new one.'
                  : 'Optional, at least 16 characters; leave empty to have one generated and shown once.'
              }
            >
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="new-password"
                  spellCheck={false}
                  value={state.webhookSecret}
                  onChange={(event) => change({ webhookSecret: event.target.value })}
                  className={`${fieldInputClass} font-mono`}
                />
              )}
            </FormField>
            {state.webhookStored ? (
              <button type="button" className={smallButtonClass} onClick={() => change({ webhookReplacing: false })}>
                Keep the stored webhook
              </button>
            ) : null}
          </div>
        ) : null}
        <FormField label="Email" inline>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={state.emailOn}
              onChange={(event) => change({ emailOn: event.target.checked })}
              className={checkboxClass}
            />
          )}
        </FormField>
        {state.emailOn ? (
          <div className="pl-6">
            <FormField
              label="Recipients"
              required
              error={errorOf('emailTo')}
              help="Up to 10 addresses, separated by commas."
            >
              {(control) => (
                <input
                  {...control}
                  required
                  autoComplete="off"
                  value={state.emailTo}
                  onChange={(event) => change({ emailTo: event.target.value })}
                  className={fieldInputClass}
                />
              )}
            </FormField>
          </div>
        ) : null}
      </Group>
      <Group legend="When to notify">
        <FormField
          label="Quiet hours"
          inline
          help="Notifications in this window wait until it ends, then go out once."
          error={errorOf('quietHours')}
        >
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={state.quietOn}
              onChange={(event) => change({ quietOn: event.target.checked })}
              className={checkboxClass}
            />
          )}
        </FormField>
        {state.quietOn ? (
          <div className="grid gap-2 pl-6 sm:grid-cols-3">
            <FormField label="Quiet from">
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={state.quietStart}
                  onChange={(event) => change({ quietStart: event.target.value })}
                  className={fieldInputClass}
                />
              )}
            </FormField>
            <FormField label="Quiet until">
              {(control) => (
                <input
                  {...control}
                  type="time"
                  value={state.quietEnd}
                  onChange={(event) => change({ quietEnd: event.target.value })}
                  className={fieldInputClass}
                />
              )}
            </FormField>
            <FormField label="Quiet hours time zone">
              {(control) => (
                <input
                  {...control}
                  list={`${id}-zones`}
                  autoComplete="off"
                  value={state.quietTimezone}
                  onChange={(event) => change({ quietTimezone: event.target.value })}
                  className={fieldInputClass}
                />
              )}
            </FormField>
            <datalist id={`${id}-zones`}>
              {zoneNames.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </div>
        ) : null}
        <FormField label="Enabled" inline>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={state.enabled}
              onChange={(event) => change({ enabled: event.target.checked })}
              className={checkboxClass}
            />
          )}
        </FormField>
      </Group>
      {problem && problem.field === null ? (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
          {problem.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={primaryButtonClass}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
