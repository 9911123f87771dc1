import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { handleDialogKeys } from '../admin/datasources/handle-dialog-keys.js';

const focusable =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * A modal dialog over the page (outside the chat's live log, so it is not read out as conversation): the
 * first field has the focus, Escape closes, Tab stays inside, and the focus returns where it was afterwards.
 */
export function ModalDialog({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // Taken while rendering, before a field inside takes the focus on mount.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus?.(), [opener]);
  return createPortal(
    <div className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/50 p-4">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="max-h-full w-full max-w-md overflow-y-auto rounded-lg bg-white p-4 text-sm text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100"
        onKeyDown={(event) =>
          handleDialogKeys({ event, dialog: dialog.current, selector: focusable, onEscape: onClose })
        }
      >
        <h2 id={`${id}-title`} className="mb-3 text-base font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
