import type { SavedItem, Schedule } from './schedule-types.js';
import { useId, useState } from 'react';
import { FormField, fieldInputClass } from '../admin/datasources/form-field.js';
import { ScheduleFields } from './schedule-fields.js';
import { ScheduleFormActions } from './schedule-form-actions.js';
import { checkScheduleFields, scheduleFormErrors, type ScheduleFormErrors } from './schedule-form-errors.js';
import { useFocusFirstInvalid } from './use-focus-first-invalid.js';
import { browserTimeZone } from './time-zones.js';
import { useCreateSchedule } from './use-schedules.js';

export const defaultCron = '0 7 * * *';

/** A new schedule for one of the saved items: which, when (cron) and in which zone (the browser's by default). */
export function CreateScheduleForm({
  saved,
  initialSavedId,
  onClose,
}: {
  saved: SavedItem[];
  initialSavedId: string | null;
  onClose: (created?: Schedule) => void;
}) {
  const titleId = useId();
  const create = useCreateSchedule();
  const [savedId, setSavedId] = useState(initialSavedId ?? saved[0]?.id ?? '');
  const [cron, setCron] = useState(defaultCron);
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [errors, setErrors] = useState<ScheduleFormErrors>({});
  const form = useFocusFirstInvalid({ errors });
  return (
    <form
      ref={form}
      aria-labelledby={titleId}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(event) => {
        event.preventDefault();
        const problems = checkScheduleFields({ cron, timezone });
        if (!savedId) problems.saved_id = 'Choose what to run.';
        setErrors(problems);
        if (Object.keys(problems).length > 0) return;
        create.mutate(
          { body: { saved_id: savedId, cron: cron.trim(), timezone: timezone.trim() } },
          { onSuccess: (created) => onClose(created), onError: (error) => setErrors(scheduleFormErrors({ error })) },
        );
      }}
    >
      <h3 id={titleId} className="text-base font-semibold">
        New schedule
      </h3>
      <FormField label="What to run" required error={errors.saved_id}>
        {(control) => (
          <select
            {...control}
            required
            value={savedId}
            onChange={(event) => setSavedId(event.target.value)}
            className={fieldInputClass}
          >
            {saved.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.kind === 'tool_call' ? `${item.datasource} · ${item.tool}` : 'question'})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ScheduleFields
        cron={cron}
        timezone={timezone}
        errors={errors}
        onCronChange={setCron}
        onTimezoneChange={setTimezone}
      />
      <ScheduleFormActions
        formError={errors.form}
        pending={create.isPending}
        submitLabel="Create schedule"
        pendingLabel="Creating…"
        onCancel={() => onClose()}
      />
    </form>
  );
}
