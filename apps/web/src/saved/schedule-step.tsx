import { useId, useState } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '../admin/datasources/button-styles.js';
import { Spinner } from '../admin/datasources/spinner.js';
import { ScheduleFields } from '../schedules/schedule-fields.js';
import { checkScheduleFields, scheduleFormErrors, type ScheduleFormErrors } from '../schedules/schedule-form-errors.js';
import { browserTimeZone } from '../schedules/time-zones.js';
import { useCreateSchedule } from '../schedules/use-schedules.js';
import { useFocusFirstInvalid } from '../schedules/use-focus-first-invalid.js';
import { cronPresets, presetOfCron } from './cron-presets.js';
import type { Schedule } from './saved-types.js';

/**
 * When a saved item runs: a preset (every hour, every morning, every Monday) or a cron typed out, in a time
 * zone (the browser's by default); `POST /api/schedules` on submit.
 */
export function ScheduleStep({
  savedId,
  onScheduled,
  onCancel,
}: {
  savedId: string;
  onScheduled: (schedule: Schedule) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const create = useCreateSchedule();
  const [cron, setCron] = useState<string>(cronPresets[1].cron);
  const [custom, setCustom] = useState(false);
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [errors, setErrors] = useState<ScheduleFormErrors>({});
  const form = useFocusFirstInvalid({ errors });
  const preset = custom ? null : presetOfCron({ cron });
  return (
    <form
      ref={form}
      noValidate
      aria-label="When it runs"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const problems = checkScheduleFields({ cron, timezone });
        setErrors(problems);
        if (Object.keys(problems).length > 0) return;
        create.mutate(
          { body: { saved_id: savedId, cron: cron.trim(), timezone: timezone.trim() } },
          { onSuccess: onScheduled, onError: (error) => setErrors(scheduleFormErrors({ error })) },
        );
      }}
    >
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">How often</legend>
        {[
          ...cronPresets.map((entry) => ({ label: entry.label, cron: entry.cron })),
          { label: 'Custom', cron: null },
        ].map((option) => (
          <label key={option.label} className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-how-often`}
              checked={option.cron === null ? preset === null : preset?.cron === option.cron}
              onChange={() => {
                setCustom(option.cron === null);
                if (option.cron !== null) setCron(option.cron);
                setErrors({});
              }}
              className="h-4 w-4 text-indigo-600 focus:ring-indigo-500"
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <ScheduleFields
        cron={cron}
        timezone={timezone}
        errors={errors}
        onCronChange={(next) => {
          setCron(next);
          setCustom(true);
        }}
        onTimezoneChange={setTimezone}
      />
      {errors.form || errors.saved_id ? (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
          {errors.form ?? errors.saved_id}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={primaryButtonClass} disabled={create.isPending}>
          {create.isPending ? <Spinner /> : null}
          {create.isPending ? 'Scheduling…' : 'Create schedule'}
        </button>
      </div>
    </form>
  );
}
