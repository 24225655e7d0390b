import { useId, useMemo, useState, type KeyboardEvent } from 'react';

export interface ComboOption {
  id: string;
  label: string;
  /** Shown after the label, e.g. "Foreign Minister of Caldonia". */
  detail?: string;
  /** Extra words the typed text may match (aliases). */
  keywords?: readonly string[];
}

interface Props {
  label: string;
  options: readonly ComboOption[];
  value: string | null;
  onChange(id: string | null): void;
  /** When given, an extra option creates something named by the typed text. */
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  initialText?: string;
  /** Offer "None" (clears the value). */
  allowNone?: boolean;
  autoFocus?: boolean;
  /** Show the options from the start (when the initial text is itself a query). */
  startOpen?: boolean;
}

const NONE = '__none__';
const CREATE = '__create__';

/**
 * An editable combobox (ARIA 1.2 pattern): type to filter by name and keywords, arrows to move,
 * Enter to choose. Options stay in the accessibility tree so they can be chosen by name.
 */
export function Combobox({ label, options, value, onChange, onCreate, createLabel, initialText, allowNone, autoFocus, startOpen }: Props) {
  const listId = useId();
  const selected = options.find((o) => o.id === value);
  const [text, setText] = useState(initialText ?? selected?.label ?? '');
  const [open, setOpen] = useState(Boolean(startOpen));
  const [active, setActive] = useState(0);

  const shown = useMemo(() => {
    // The chosen option's own name is not a filter: show everything to choose from.
    const query = selected && text === selected.label ? '' : text.trim().toLowerCase();
    const matches = query
      ? options.filter((o) => [o.label, ...(o.keywords ?? [])].some((k) => k.toLowerCase().includes(query)))
      : options;
    const list: ComboOption[] = [];
    if (allowNone) list.push({ id: NONE, label: 'None' });
    list.push(...matches.slice(0, 50));
    const exists = options.some((o) => o.label.toLowerCase() === query);
    if (onCreate && query && !exists) list.push({ id: CREATE, label: createLabel ? createLabel(text.trim()) : `Create “${text.trim()}”` });
    return list;
  }, [options, text, allowNone, onCreate, createLabel, selected]);

  function choose(option: ComboOption): void {
    if (option.id === CREATE) onCreate?.(text.trim());
    else if (option.id === NONE) {
      onChange(null);
      setText('');
    } else {
      onChange(option.id);
      setText(option.label);
    }
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(shown.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter' && open && shown[active]) {
      event.preventDefault();
      choose(shown[active]!);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  }

  const activeId = open && shown[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="combobox">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        value={text}
        autoFocus={autoFocus}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {open && shown.length > 0 && (
        <ul role="listbox" id={listId} aria-label={`${label} options`} className="combobox-list">
          {shown.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option.id === value || index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span>{option.label}</span>
              {option.detail && <span className="combobox-detail">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
