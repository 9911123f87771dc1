import { useId, type ReactNode } from 'react';

export const fieldInputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 aria-invalid:border-rose-600 dark:border-slate-700 dark:bg-slate-900 dark:disabled:bg-slate-800 dark:disabled:text-slate-300 dark:aria-invalid:border-rose-400';

/** What a control needs to be labelled, described and marked invalid. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled field: the label (with a required marker), the control, its help and the problem with it,
 * both read out with the control.
 */
export function FormField({
  label,
  help,
  error,
  required = false,
  inline = false,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** A checkbox: the control before its label. */
  inline?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const control = children({
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
  });
  const labelElement = (
    <label htmlFor={id} className="text-sm font-medium">
      {label}
      {required ? (
        // The control itself says it is required (its `required` attribute); the star is for the eye.
        <span className="text-rose-700 dark:text-rose-300" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  );
  return (
    <div className="space-y-1">
      {inline ? (
        <div className="flex items-center gap-2">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          <div>{labelElement}</div>
          {control}
        </>
      )}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
