import { useEffect, useRef, useState } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '../admin/datasources/button-styles.js';
import { cronDescription } from '../schedules/cron-description.js';
import { formatRunTime } from '../schedules/format-run-time.js';
import { defaultSavedName } from './default-saved-name.js';
import { ModalDialog } from './modal-dialog.js';
import { NameStep } from './name-step.js';
import type { SavedItem, Schedule, SaveTarget } from './saved-types.js';
import { ScheduleStep } from './schedule-step.js';
import { useCreateSaved } from './use-create-saved.js';

export type SaveIntent = 'save' | 'schedule';

type Step = 'name' | 'saved' | 'schedule' | { scheduled: Schedule };

/**
 * Save, then (when asked) schedule: a name for the tool call or question (`POST /api/saved`), then when it
 * runs (`POST /api/schedules`), ending with a way to the Schedules view. Something already saved from the
 * same place goes straight to its schedule.
 */
export function SaveFlowDialog({
  target,
  datasourceName,
  intent,
  saved,
  onSaved,
  onClose,
  onOpenSchedules,
}: {
  target: SaveTarget;
  datasourceName?: string | undefined;
  intent: SaveIntent;
  /** Saved before from the same card or question. */
  saved: Pick<SavedItem, 'id' | 'name'> | null;
  onSaved: (item: SavedItem) => void;
  onClose: () => void;
  onOpenSchedules?: ((scheduleId: string) => void) | undefined;
}) {
  const create = useCreateSaved();
  const [step, setStep] = useState<Step>(saved ? (intent === 'schedule' ? 'schedule' : 'saved') : 'name');
  const body = useRef<HTMLDivElement>(null);
  // Each step starts where it is read: its first field, or the next thing to do.
  useEffect(() => {
    const container = body.current;
    (
      container?.querySelector<HTMLElement>('[data-autofocus]') ??
      container?.querySelector<HTMLElement>('input:not([type="radio"]), input[type="radio"]:checked, button')
    )?.focus();
  }, [step]);
  const errorMessage = create.error ? create.error.message : null;
  const title =
    step === 'name'
      ? target.kind === 'question'
        ? 'Save question'
        : 'Save tool call'
      : step === 'saved'
        ? 'Saved'
        : step === 'schedule'
          ? `Schedule “${saved?.name ?? ''}”`
          : 'Scheduled';

  return (
    <ModalDialog title={title} onClose={onClose}>
      <div ref={body}>
        {step === 'name' ? (
          <NameStep
            target={target}
            datasourceName={datasourceName}
            initialName={defaultSavedName({ target, ...(datasourceName ? { datasourceName } : {}) })}
            submitLabel={intent === 'schedule' ? 'Save and choose when' : 'Save'}
            busy={create.isPending}
            error={errorMessage}
            onCancel={onClose}
            onSubmit={(name) =>
              create.mutate(
                { target, name },
                {
                  onSuccess: (item) => {
                    onSaved(item);
                    setStep(intent === 'schedule' ? 'schedule' : 'saved');
                  },
                },
              )
            }
          />
        ) : null}
        {step === 'saved' ? (
          <div className="space-y-3">
            <p role="status">Saved as “{saved?.name}”. Schedule it to run on its own and keep each result.</p>
            <div className="flex justify-end gap-2">
              <button type="button" className={secondaryButtonClass} onClick={onClose}>
                Close
              </button>
              <button type="button" data-autofocus className={primaryButtonClass} onClick={() => setStep('schedule')}>
                Schedule it
              </button>
            </div>
          </div>
        ) : null}
        {step === 'schedule' && saved ? (
          <ScheduleStep
            savedId={saved.id}
            onCancel={onClose}
            onScheduled={(schedule) => setStep({ scheduled: schedule })}
          />
        ) : null}
        {typeof step === 'object' ? (
          <ScheduledNotice schedule={step.scheduled} onClose={onClose} onOpenSchedules={onOpenSchedules} />
        ) : null}
      </div>
    </ModalDialog>
  );
}

function ScheduledNotice({
  schedule,
  onClose,
  onOpenSchedules,
}: {
  schedule: Schedule;
  onClose: () => void;
  onOpenSchedules?: ((scheduleId: string) => void) | undefined;
}) {
  const words = cronDescription({ cron: schedule.cron }) ?? schedule.cron;
  return (
    <div className="space-y-3">
      <p role="status">
        “{schedule.name}” runs {words.charAt(0).toLowerCase() + words.slice(1)} ({schedule.timezone}).
        {schedule.next_run_at ? ` Next run: ${formatRunTime({ time: schedule.next_run_at })}.` : ''}
      </p>
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
        {onOpenSchedules ? (
          <button
            type="button"
            data-autofocus
            className={primaryButtonClass}
            onClick={() => {
              onClose();
              onOpenSchedules(schedule.id);
            }}
          >
            Open in Schedules
          </button>
        ) : (
          <p className="self-center text-xs text-slate-600 dark:text-slate-400">Find it in the Schedules view.</p>
        )}
      </div>
    </div>
  );
}
