import { useEffect, useRef } from 'react';
import { smallButtonClass } from './button-styles.js';
import { fieldInputClass, type FieldControlProps } from './form-field.js';

export interface SecretState {
  value: string;
  /** A value is stored on the server; the form never has it. */
  set: boolean;
  replacing: boolean;
  cleared?: boolean;
}

/**
 * A secret's input. A stored secret shows as "Set — replace" and never as a value: the API does not send
 * one. Replacing opens an empty password input; an optional stored secret can be cleared.
 */
export function SecretInput({
  control,
  name,
  secret,
  canClear,
  required = false,
  disabled = false,
  placeholder,
  inputLabel,
  onChange,
}: {
  control: FieldControlProps;
  /** For the buttons' names ("Replace MYSQL_URL"). */
  name: string;
  secret: SecretState;
  canClear: boolean;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string | undefined;
  /** The input's name when no label element names it (a header's value). */
  inputLabel?: string;
  onChange: (next: SecretState) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const focusInput = useRef(false);
  useEffect(() => {
    if (focusInput.current && secret.replacing) input.current?.focus();
    focusInput.current = false;
  }, [secret.replacing]);

  if (secret.set && secret.cleared)
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span id={control.id} className="text-amber-800 dark:text-amber-300">
          Cleared when you save
        </span>
        <button
          type="button"
          className={smallButtonClass}
          disabled={disabled}
          onClick={() => onChange({ ...secret, cleared: false })}
        >
          Keep {name}
        </button>
      </div>
    );
  if (secret.set && !secret.replacing)
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button
          {...control}
          type="button"
          aria-label={`${name}: set — replace`}
          className={smallButtonClass}
          disabled={disabled}
          onClick={() => {
            focusInput.current = true;
            onChange({ ...secret, replacing: true, value: '' });
          }}
        >
          <span aria-hidden="true">●●●● </span>Set — replace
        </button>
        {canClear ? (
          <button
            type="button"
            className={smallButtonClass}
            disabled={disabled}
            onClick={() => onChange({ ...secret, cleared: true, value: '' })}
          >
            Clear {name}
          </button>
        ) : null}
      </div>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        {...control}
        ref={input}
        aria-label={inputLabel}
        type="password"
        // Browsers would otherwise offer a saved login password here.
        autoComplete="new-password"
        spellCheck={false}
        required={required && !secret.set}
        disabled={disabled}
        value={secret.value}
        placeholder={secret.set ? 'New value' : placeholder}
        onChange={(event) => onChange({ ...secret, value: event.target.value })}
        className={`${fieldInputClass} min-w-0 flex-1 font-mono`}
      />
      {secret.set ? (
        <button
          type="button"
          className={smallButtonClass}
          disabled={disabled}
          onClick={() => onChange({ ...secret, replacing: false, value: '' })}
        >
          Keep the stored value
        </button>
      ) : null}
    </div>
  );
}
