import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

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
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
          if (event.key !== 'Tab') return;
          // Of a radio group, Tab reaches the checked radio only.
          const elements = [...(dialog.current?.querySelectorAll<HTMLElement>(focusable) ?? [])].filter(
            (element) => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
          );
          const first = elements[0];
          const last = elements.at(-1);
          if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last?.focus();
          } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first?.focus();
          }
        }}
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
