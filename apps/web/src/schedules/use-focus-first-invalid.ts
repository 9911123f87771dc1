import { useEffect, useRef } from 'react';

/**
 * After a refused submit, the focus goes to the first field marked invalid, whose problem is read out with
 * it (the field describes itself by its error).
 */
export function useFocusFirstInvalid({ errors }: { errors: object }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}
