import { primaryButtonClass, secondaryButtonClass } from '../admin/datasources/button-styles.js';
import { Spinner } from '../admin/datasources/spinner.js';

/** The end of a schedule form: the server's problem that names no field, then submit (with a spinner) and Cancel. */
export function ScheduleFormActions({
  formError,
  pending,
  submitLabel,
  pendingLabel,
  onCancel,
}: {
  formError: string | undefined;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
          {formError}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          {pending ? <Spinner /> : null}
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
