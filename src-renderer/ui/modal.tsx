import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /** Extra classes for a dialog with its own layout (its size, say). */
  className?: string;
}

/** A native modal <dialog>: focus is trapped, Escape closes it, the page behind is inert. */
export function Modal({ title, onClose, children, wide, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')} aria-label={title} onClose={onClose} onCancel={(event) => {
      event.preventDefault();
      onClose();
    }}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
