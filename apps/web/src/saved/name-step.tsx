import { useState } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '../admin/datasources/button-styles.js';
import { FormField, fieldInputClass } from '../admin/datasources/form-field.js';
import { Spinner } from '../admin/datasources/spinner.js';
import type { SaveTarget } from './saved-types.js';

/** What is being saved, in a line: the tool and its datasource, or the question and its datasources. */
function SaveTargetSummary({ target, datasourceName }: { target: SaveTarget; datasourceName?: string | undefined }) {
  if (target.kind === 'tool_call')
    return (
      <div className="space-y-1">
        <p>
          <code className="font-mono text-indigo-700 dark:text-indigo-300">{target.tool}</code> on{' '}
          {datasourceName ?? target.datasource}, re-run as is without the model.
        </p>
        {Object.keys(target.arguments).length > 0 ? (
          <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-950">
            {JSON.stringify(target.arguments, null, 2)}
          </pre>
        ) : null}
      </div>
    );
  return (
    <div className="space-y-1">
      <p className="max-h-32 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 dark:bg-slate-950">
        {target.question}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Asked again on {target.datasources.join(', ')} through the chat, with a token cap; it never approves a change.
      </p>
    </div>
  );
}

/** The name to save under; `POST /api/saved` happens in the caller. */
export function NameStep({
  target,
  datasourceName,
  initialName,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  target: SaveTarget;
  datasourceName?: string | undefined;
  initialName: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      aria-label="Name"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        setMissing(!trimmed);
        if (trimmed) onSubmit(trimmed);
      }}
    >
      <SaveTargetSummary target={target} datasourceName={datasourceName} />
      <FormField label="Name" required error={missing ? 'A name is required.' : undefined}>
        {(control) => (
          <input
            {...control}
            required
            autoFocus
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
            className={fieldInputClass}
          />
        )}
      </FormField>
      {error ? (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={busy}>
          {busy ? <Spinner /> : null}
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
