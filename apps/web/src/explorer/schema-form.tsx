import { useId } from 'react';
import type { FormField, FormValueError, FormValues } from './schema-form-values.js';

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900';

function FieldControl({
  id,
  field,
  value,
  onChange,
  invalid,
}: {
  id: string;
  field: FormField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  invalid: boolean;
}) {
  const describedBy = field.description ? `${id}-description` : undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    required: field.required,
  };
  let control;
  if (field.kind === 'boolean')
    control = (
      <input
        {...common}
        required={false}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
        className="h-4 w-4 accent-indigo-600"
      />
    );
  else if (field.kind === 'enum')
    control = (
      <select
        {...common}
        value={String(value ?? '')}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      >
        {field.required ? null : <option value="">(default)</option>}
        {field.options?.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  else if (field.kind === 'code' || field.kind === 'long-text' || field.kind === 'json') {
    const text = String(value ?? '');
    control = (
      <textarea
        {...common}
        // Room for the query as written, within reason.
        rows={Math.min(12, Math.max(field.kind === 'long-text' ? 3 : 4, text.split('\n').length + 1))}
        value={text}
        spellCheck={field.kind === 'long-text'}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClass} ${field.kind === 'long-text' ? '' : 'font-mono'}`}
        placeholder={field.kind === 'json' ? 'JSON' : undefined}
      />
    );
  } else
    control = (
      <input
        {...common}
        type={
          field.kind === 'number' || field.kind === 'integer' ? 'number' : field.kind === 'search' ? 'search' : 'text'
        }
        step={field.kind === 'integer' ? 1 : field.kind === 'number' ? 'any' : undefined}
        value={String(value ?? '')}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        placeholder={
          field.kind === 'list'
            ? 'comma, separated, values'
            : field.defaultValue !== undefined
              ? `default: ${String(field.defaultValue)}`
              : undefined
        }
      />
    );
  return (
    <div className={field.kind === 'boolean' ? 'flex flex-wrap items-center gap-x-2' : 'space-y-1'}>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
        {field.required ? (
          <span className="text-rose-700 dark:text-rose-300" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {control}
      {field.description ? (
        <p id={describedBy} className="w-full text-xs text-slate-600 dark:text-slate-400">
          {field.description}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One labelled control per field of a tool's input schema, and the message naming the field a submit found
 * wrong (the explorer and "Edit & re-run" share it).
 */
export function SchemaFields({
  fields,
  values,
  formError,
  onChange,
}: {
  fields: FormField[];
  values: FormValues;
  /** The last submit's problem, if any: its field is marked invalid and its message announced. */
  formError?: FormValueError | null;
  onChange: (values: FormValues) => void;
}) {
  const prefix = useId();
  return (
    <>
      {fields.map((field) => (
        <FieldControl
          key={field.name}
          id={`${prefix}-${field.name}`}
          field={field}
          value={values[field.name]}
          invalid={formError?.field === field.name}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
        />
      ))}
      {formError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {formError.message}
        </p>
      ) : null}
    </>
  );
}
