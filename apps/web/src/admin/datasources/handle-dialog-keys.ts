import type { KeyboardEvent } from 'react';

/**
 * The keys of a modal dialog: Escape closes it, and Tab (Shift+Tab) goes round the elements `selector` finds
 * in it, so the focus stays inside. Of a radio group, Tab reaches the checked radio only.
 */
export function handleDialogKeys({
  event,
  dialog,
  selector,
  onEscape,
}: {
  event: KeyboardEvent;
  dialog: HTMLElement | null;
  selector: string;
  onEscape: () => void;
}) {
  if (event.key === 'Escape') {
    event.stopPropagation();
    onEscape();
  }
  if (event.key !== 'Tab') return;
  const elements = [...(dialog?.querySelectorAll<HTMLElement>(selector) ?? [])].filter(
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
}
