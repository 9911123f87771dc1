import type { EnvironmentVariableFacts } from './admin-datasource-types.js';
import type { SecretValue } from './datasource-form-state.js';
import { FormField, fieldInputClass } from './form-field.js';
import { SecretInput } from './secret-input.js';
import { variableRequired } from './validate-datasource-form.js';

/** The variable's default, else its example, as the input's placeholder. */
function placeholderOf({ variable }: { variable: EnvironmentVariableFacts }) {
  if (variable.default !== undefined) return `default: ${variable.default}`;
  if (variable.placeholder !== undefined) return `e.g. ${variable.placeholder}`;
  return undefined;
}

/**
 * One connector variable as a control that suits it: a password input for a secret, a checkbox for a
 * boolean, a select for choices, a number input with its bounds, else text. Its description is the help.
 */
export function VariableField({
  variable,
  value,
  secret,
  error,
  disabled,
  onValueChange,
  onSecretChange,
}: {
  variable: EnvironmentVariableFacts;
  value: string | boolean | undefined;
  secret: SecretValue | undefined;
  error: string | undefined;
  disabled: boolean;
  onValueChange: (value: string | boolean) => void;
  onSecretChange: (secret: SecretValue) => void;
}) {
  const label = <span className="font-mono">{variable.name}</span>;
  const boolean = !variable.isSecret && variable.format === 'boolean';
  const required = variableRequired({ variable });
  return (
    <FormField label={label} help={variable.description} error={error} required={required && !boolean} inline={boolean}>
      {(control) => {
        if (variable.isSecret)
          return (
            <SecretInput
              control={control}
              name={variable.name}
              secret={secret ?? { value: '', set: false, replacing: false, cleared: false }}
              canClear={!required}
              required={required}
              disabled={disabled}
              placeholder={placeholderOf({ variable })}
              onChange={(next) => onSecretChange({ ...next, cleared: next.cleared ?? false })}
            />
          );
        if (boolean)
          return (
            <input
              {...control}
              type="checkbox"
              disabled={disabled}
              checked={value === true}
              onChange={(event) => onValueChange(event.target.checked)}
              className="h-4 w-4 accent-indigo-600"
            />
          );
        const text = typeof value === 'string' ? value : '';
        if (variable.choices)
          return (
            <select
              {...control}
              required={required}
              disabled={disabled}
              value={text}
              onChange={(event) => onValueChange(event.target.value)}
              className={fieldInputClass}
            >
              {required ? (
                <option value="">Choose…</option>
              ) : (
                <option value="">{variable.default !== undefined ? `Default (${variable.default})` : 'Not set'}</option>
              )}
              {variable.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          );
        const number = variable.format === 'number';
        return (
          <input
            {...control}
            type={number ? 'number' : 'text'}
            {...(number && variable.min !== undefined ? { min: variable.min } : {})}
            {...(number && variable.max !== undefined ? { max: variable.max } : {})}
            inputMode={number ? 'numeric' : undefined}
            spellCheck={false}
            required={required}
            disabled={disabled}
            value={text}
            placeholder={placeholderOf({ variable })}
            onChange={(event) => onValueChange(event.target.value)}
            className={`${fieldInputClass} ${variable.format === 'filepath' ? 'font-mono' : ''}`}
          />
        );
      }}
    </FormField>
  );
}
