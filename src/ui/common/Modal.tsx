/**
 * A modal dialog on the native <dialog> element: focus moves in when it
 * opens, Escape closes it, and focus goes back to the element that opened it.
 *
 * Owns: opening and closing the element in step with `open`, and where focus
 * goes when it closes: the element focused when it opened, or, when that was
 * the page itself (a keyboard shortcut opened it) or is gone, the button that
 * opens it (`returnFocusTo`).
 * Must not touch: what the dialog contains.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';

/** Whether focus can go back to `el`: still on the page, not the page itself, not disabled. */
function canTakeFocus(el: HTMLElement | null): el is HTMLElement {
  return (
    el !== null &&
    el.isConnected &&
    el !== document.body &&
    !(el as HTMLElement & { disabled?: boolean }).disabled
  );
}

export function Modal({
  open,
  onClose,
  labelledBy,
  className,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  className?: string;
  /**
   * A CSS selector for the button that opens this dialog: focus goes there on
   * closing when the dialog was opened with nothing focused (by a key).
   */
  returnFocusTo?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // What had focus when `open` turned true, read while rendering: by the time
  // an effect runs, a button in the dialog may have taken focus (autoFocus).
  const [seen, setSeen] = useState<{ open: boolean; opener: Element | null }>({
    open: false,
    opener: null,
  });
  if (seen.open !== open) setSeen({ open, opener: open ? document.activeElement : null });
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocus = () => {
      const before = opener.current;
      opener.current = null;
      const target = canTakeFocus(before)
        ? before
        : returnFocusTo
          ? document.querySelector<HTMLElement>(returnFocusTo)
          : null;
      // No scrolling: a shortcut pressed far down the page leaves the page where it was.
      if (canTakeFocus(target)) target.focus({ preventScroll: true });
    };
    if (open && !dialog.open) {
      opener.current = seen.opener instanceof HTMLElement ? seen.opener : null;
      // jsdom lacks showModal; a plain open attribute keeps tests meaningful.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      // Focus moves in (browsers do it in showModal; this covers the rest).
      if (!dialog.contains(document.activeElement))
        dialog.querySelector<HTMLElement>('button, input, select, textarea, [tabindex]')?.focus();
    } else if (!open && dialog.open) {
      // Closed first: while the dialog is modal the rest of the page cannot take focus.
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus();
    }
  }, [open, returnFocusTo, seen.opener]);

  // Unmounted while open (the page changed layout): focus still goes back.
  useEffect(
    () => () => {
      const before = opener.current;
      if (canTakeFocus(before)) before.focus({ preventScroll: true });
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Handled here rather than left to the browser's cancel, so that every
    // browser (and jsdom) closes the same way; a select's own Escape never reaches it.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
