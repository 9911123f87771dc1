import { lazy, Suspense, useState } from 'react';
import type { SaveIntent } from './save-flow-dialog.js';
import type { SavedItem, SaveTarget } from './saved-types.js';

// The dialogs (and the cron reader they use) load when someone saves, not with the chat.
const SaveFlowDialog = lazy(async () => ({ default: (await import('./save-flow-dialog.js')).SaveFlowDialog }));

const actionButton =
  'rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-700';

/**
 * "Save" and "Schedule" for a tool call or a question: a name, then (for Schedule) when it runs. Once saved
 * here, Schedule goes straight to the when, without saving a second copy.
 */
export function SaveActions({
  target,
  datasourceName,
  saveLabel = 'Save',
  scheduleLabel = 'Schedule',
  className = actionButton,
  disabled = false,
  onOpenSchedules,
}: {
  target: SaveTarget;
  datasourceName?: string | undefined;
  saveLabel?: string;
  scheduleLabel?: string;
  className?: string;
  disabled?: boolean;
  onOpenSchedules?: ((scheduleId: string) => void) | undefined;
}) {
  const [intent, setIntent] = useState<SaveIntent | null>(null);
  const [saved, setSaved] = useState<Pick<SavedItem, 'id' | 'name'> | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => setIntent('save')}
      >
        {saved ? 'Saved' : saveLabel}
      </button>
      <button
        type="button"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => setIntent('schedule')}
      >
        {scheduleLabel}
      </button>
      {intent ? (
        <Suspense fallback={null}>
          <SaveFlowDialog
            target={target}
            datasourceName={datasourceName}
            intent={intent}
            saved={saved}
            onSaved={(item) => setSaved({ id: item.id, name: item.name })}
            onClose={() => setIntent(null)}
            onOpenSchedules={onOpenSchedules}
          />
        </Suspense>
      ) : null}
    </>
  );
}
