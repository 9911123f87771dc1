import { useEffect, useId, useState, type FormEvent } from 'react';
import { primaryButtonClass } from '../datasources/button-styles.js';
import { fieldInputClass } from '../datasources/form-field.js';
import { Spinner } from '../datasources/spinner.js';
import { useAppSettings, useSaveAppSettings } from './use-audit-log.js';

const minimumDays = 1;
const maximumDays = 3_650;

/** How long the audit log is kept: older entries are deleted hourly. */
export function RetentionSetting() {
  const id = useId();
  const settings = useAppSettings();
  const save = useSaveAppSettings();
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const stored = settings.data?.auditRetentionDays;
  useEffect(() => {
    if (stored !== undefined) setDays(String(stored));
  }, [stored]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = Number(days);
    if (!Number.isInteger(value) || value < minimumDays || value > maximumDays) {
      setProblem(`Enter a whole number of days from ${minimumDays} to ${maximumDays}.`);
      return;
    }
    setProblem(null);
    save.mutate(
      { auditRetentionDays: value },
      { onSuccess: () => setSaved(true), onError: (error) => setProblem(error.message) },
    );
  };
  const describedBy = [`${id}-help`, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        Retention
      </h3>
      {settings.isLoading ? (
        <p role="status" className="mt-1 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Spinner /> Loading…
        </p>
      ) : null}
      {settings.error ? (
        <p role="alert" className="mt-1 text-sm text-rose-700 dark:text-rose-300">
          The setting could not be loaded: {settings.error.message}
        </p>
      ) : null}
      {settings.data ? (
        <form onSubmit={onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`${id}-days`} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
              Keep audit entries for (days)
            </label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={minimumDays}
              max={maximumDays}
              required
              value={days}
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setDays(event.target.value);
                setSaved(false);
              }}
              className={`${fieldInputClass} w-32`}
            />
          </div>
          <button type="submit" className={primaryButtonClass} disabled={save.isPending}>
            {save.isPending ? <Spinner /> : null}
            {save.isPending ? 'Saving…' : 'Save retention'}
          </button>
          <p id={`${id}-help`} className="basis-full text-xs text-slate-600 dark:text-slate-400">
            Older entries are deleted every hour. {minimumDays} to {maximumDays} days.
          </p>
          {problem ? (
            <p
              id={`${id}-problem`}
              role="alert"
              className="basis-full text-xs font-medium text-rose-700 dark:text-rose-300"
            >
              {problem}
            </p>
          ) : null}
          <p role="status" className="basis-full text-xs text-emerald-800 empty:hidden dark:text-emerald-300">
            {saved ? `Saved: entries are kept for ${stored} days.` : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
