import type { Schedule, UpdateScheduleRequest } from './schedule-types.js';
import { useId, useState } from 'react';
import { ScheduleFields } from './schedule-fields.js';
import { ScheduleFormActions } from './schedule-form-actions.js';
import { checkScheduleFields, scheduleFormErrors, type ScheduleFormErrors } from './schedule-form-errors.js';
import { useFocusFirstInvalid } from './use-focus-first-invalid.js';
import { useUpdateSchedule } from './use-schedules.js';

/** Changes a schedule's cron and time zone; only what changed is sent. */
export function EditScheduleForm({ schedule, onClose }: { schedule: Schedule; onClose: (saved?: Schedule) => void }) {
  const titleId = useId();
  const update = useUpdateSchedule();
  const [cron, setCron] = useState(schedule.cron);
  const [timezone, setTimezone] = useState(schedule.timezone);
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
        setErrors(problems);
        if (Object.keys(problems).length > 0) return;
        const body: UpdateScheduleRequest = {};
        if (cron.trim() !== schedule.cron) body.cron = cron.trim();
        if (timezone.trim() !== schedule.timezone) body.timezone = timezone.trim();
        if (Object.keys(body).length === 0) return onClose();
        update.mutate(
          { id: schedule.id, body },
          { onSuccess: (saved) => onClose(saved), onError: (error) => setErrors(scheduleFormErrors({ error })) },
        );
      }}
    >
      <h4 id={titleId} className="text-sm font-semibold">
        Change when it runs
      </h4>
      <ScheduleFields
        cron={cron}
        timezone={timezone}
        errors={errors}
        onCronChange={setCron}
        onTimezoneChange={setTimezone}
      />
      <ScheduleFormActions
        formError={errors.form}
        pending={update.isPending}
        submitLabel="Save"
        pendingLabel="Saving…"
        onCancel={() => onClose()}
      />
    </form>
  );
}
