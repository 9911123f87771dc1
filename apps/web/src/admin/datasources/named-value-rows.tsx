import { useId } from 'react';
import { newRow, type NamedValueRow } from './datasource-form-state.js';
import { smallButtonClass } from './button-styles.js';
import { fieldInputClass } from './form-field.js';
import { SecretInput } from './secret-input.js';

/**
 * Rows of a name and a value: HTTP headers, a command's environment. Secret rows take their value in a
 * password input and, once stored, show "Set — replace" (their name then stays as it is).
 */
export function NamedValueRows({
  legend,
  help,
  what,
  rows,
  secret,
  error,
  disabled = false,
  namePlaceholder,
  onChange,
}: {
  legend: string;
  help?: string;
  /** "header", "variable": names the inputs and buttons. */
  what: string;
  rows: NamedValueRow[];
  secret: boolean;
  error?: string | undefined;
  disabled?: boolean;
  namePlaceholder?: string;
  onChange: (rows: NamedValueRow[]) => void;
}) {
  const id = useId();
  const update = (key: string, change: Partial<NamedValueRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
          {help}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">None.</p> : null}
      <ul className="space-y-2">
        {rows.map((row, index) => {
          const label = row.name.trim() || `${what} ${index + 1}`;
          return (
            <li key={row.key} className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <input
                aria-label={`${what[0]!.toUpperCase()}${what.slice(1)} ${index + 1} name`}
                value={row.name}
                readOnly={row.set}
                disabled={disabled}
                spellCheck={false}
                placeholder={namePlaceholder}
                onChange={(event) => update(row.key, { name: event.target.value })}
                className={`${fieldInputClass} font-mono sm:w-56`}
              />
              <div className="min-w-0 flex-1">
                {secret ? (
                  <SecretInput
                    control={{
                      id: `${id}-${row.key}`,
                      'aria-describedby': undefined,
                      'aria-invalid': undefined,
                    }}
                    name={label}
                    secret={row}
                    canClear={false}
                    disabled={disabled}
                    placeholder="Value"
                    inputLabel={`${label} value`}
                    onChange={(next) => update(row.key, { value: next.value, replacing: next.replacing })}
                  />
                ) : (
                  <input
                    aria-label={`${label} value`}
                    value={row.value}
                    disabled={disabled}
                    spellCheck={false}
                    placeholder="Value"
                    onChange={(event) => update(row.key, { value: event.target.value })}
                    className={`${fieldInputClass} font-mono`}
                  />
                )}
              </div>
              <button
                type="button"
                className={smallButtonClass}
                disabled={disabled}
                onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
              >
                Remove<span className="sr-only"> {label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {disabled ? null : (
        <button type="button" className={smallButtonClass} onClick={() => onChange([...rows, newRow()])}>
          Add {what}
        </button>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
