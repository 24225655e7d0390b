import { useEffect, useRef, useState } from 'react';

interface Props {
  disabled: boolean;
  onMarkdown(): void;
}

/** The Export button and its menu of formats. */
export function ExportMenu({ disabled, onMarkdown }: Props) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent): void => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="menu-anchor">
      <button type="button" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen((value) => !value)} title={disabled ? 'Open an article to export it' : 'Export the open article'}>
        Export
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="menu" ref={menuRef} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onMarkdown();
            }}
          >
            Markdown
          </button>
        </div>
      )}
    </div>
  );
}
