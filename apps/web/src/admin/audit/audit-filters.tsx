import { useId, useState, type FormEvent } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '../datasources/button-styles.js';
import { fieldInputClass } from '../datasources/form-field.js';
import { auditActionLabels } from './audit-action-label.js';
import { emptyAuditFilters, type AuditFilterValues } from './audit-filter-values.js';
import type { AuditAction } from './audit-types.js';

const labelClass = 'block text-xs font-medium text-slate-700 dark:text-slate-300';

/**
 * The audit log's filters: what happened, who, which datasource and between which days. They apply on
 * "Apply filters" (or Enter), so typing a name does not ask the server at each letter.
 */
export function AuditFilters({
  applied,
  actors,
  datasourceIds,
  onApply,
}: {
  applied: AuditFilterValues;
  /** People seen in the log so far, offered as suggestions. */
  actors: Array<{ id: string; name: string }>;
  datasourceIds: string[];
  onApply: (filters: AuditFilterValues) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<AuditFilterValues>(applied);
  const change = (next: Partial<AuditFilterValues>) => setDraft((current) => ({ ...current, ...next }));
  const datesReversed = draft.fromDate !== '' && draft.toDate !== '' && draft.fromDate > draft.toDate;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!datesReversed) onApply(draft);
  };
  return (
    <form
      role="search"
      aria-label="Filter the audit log"
      onSubmit={onSubmit}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800"
    >
      <div className="lg:col-span-2">
        <label htmlFor={`${id}-action`} className={labelClass}>
          Action
        </label>
        <select
          id={`${id}-action`}
          value={draft.action}
          onChange={(event) => change({ action: event.target.value as AuditAction | '' })}
          className={fieldInputClass}
        >
          <option value="">Every action</option>
          {Object.entries(auditActionLabels).map(([action, label]) => (
            <option key={action} value={action}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-actor`} className={labelClass}>
          Who (user id)
        </label>
        <input
          id={`${id}-actor`}
          list={`${id}-actors`}
          value={draft.actor}
          spellCheck={false}
          onChange={(event) => change({ actor: event.target.value })}
          className={fieldInputClass}
        />
        <datalist id={`${id}-actors`}>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={`${id}-datasource`} className={labelClass}>
          Datasource
        </label>
        <input
          id={`${id}-datasource`}
          list={`${id}-datasources`}
          value={draft.datasource}
          spellCheck={false}
          onChange={(event) => change({ datasource: event.target.value })}
          className={fieldInputClass}
        />
        <datalist id={`${id}-datasources`}>
          {datasourceIds.map((datasourceId) => (
            <option key={datasourceId} value={datasourceId} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className={labelClass}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.fromDate}
          onChange={(event) => change({ fromDate: event.target.value })}
          className={fieldInputClass}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={labelClass}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.toDate}
          aria-invalid={datesReversed || undefined}
          aria-describedby={datesReversed ? `${id}-dates` : undefined}
          onChange={(event) => change({ toDate: event.target.value })}
          className={fieldInputClass}
        />
      </div>
      {datesReversed ? (
        <p
          id={`${id}-dates`}
          role="alert"
          className="text-xs font-medium text-rose-700 sm:col-span-2 lg:col-span-6 dark:text-rose-300"
        >
          “To” is before “From”.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={primaryButtonClass} disabled={datesReversed}>
          Apply filters
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
