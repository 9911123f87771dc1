import { useId } from 'react';
import { FormField, fieldInputClass } from '../admin/datasources/form-field.js';
import { cronDescription } from './cron-description.js';
import type { ScheduleFormErrors } from './schedule-form-errors.js';
import { knownTimeZones } from './time-zones.js';

/** The cron and time zone inputs, shared by creating and editing a schedule. */
export function ScheduleFields({
  cron,
  timezone,
  errors,
  onCronChange,
  onTimezoneChange,
}: {
  cron: string;
  timezone: string;
  errors: ScheduleFormErrors;
  onCronChange: (cron: string) => void;
  onTimezoneChange: (timezone: string) => void;
}) {
  const listId = useId();
  const words = cronDescription({ cron });
  return (
    <>
      <FormField
        label="When (cron)"
        required
        error={errors.cron}
        help={
          <>
            Minute, hour, day of month, month, day of week.
            {words ? (
              <span aria-live="polite" className="block font-medium text-slate-800 dark:text-slate-200">
                {words}
              </span>
            ) : null}
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            required
            value={cron}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onCronChange(event.target.value)}
            className={`${fieldInputClass} font-mono`}
          />
        )}
      </FormField>
      <FormField label="Time zone" required error={errors.timezone} help="The cron is read in this zone.">
        {(control) => (
          <input
            {...control}
            required
            list={listId}
            value={timezone}
            autoComplete="off"
            onChange={(event) => onTimezoneChange(event.target.value)}
            className={fieldInputClass}
          />
        )}
      </FormField>
      <datalist id={listId}>
        {knownTimeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
