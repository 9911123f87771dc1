import { useEffect, useId, useRef, type ReactNode } from 'react';
import { handleDialogKeys } from './handle-dialog-keys.js';

/**
 * A modal question (role alertdialog): the safe answer has the focus, Escape cancels, Tab stays inside,
 * and the focus returns to where it was afterwards.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/50 p-4">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={children ? `${id}-body` : undefined}
        className="w-full max-w-md rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        onKeyDown={(event) =>
          handleDialogKeys({ event, dialog: dialog.current, selector: 'button:not([disabled])', onEscape: onCancel })
        }
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {children ? (
          <div id={`${id}-body`} className="mt-2 space-y-2 text-sm text-slate-700 dark:text-slate-300">
            {children}
          </div>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <button
            ref={cancel}
            type="button"
            onClick={onCancel}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={onConfirm}
            disabled={busy}
            className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800 disabled:opacity-60"
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
