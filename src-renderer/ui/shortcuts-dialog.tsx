import { Modal } from './modal';

/** Every keyboard shortcut, in one place (opened with ?). */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Shift + ← / →', action: 'Select text by character (with Ctrl or Alt: by word)' },
  { keys: 'Shift + ↑ / ↓', action: 'Select text by line' },
  { keys: 'H', action: 'Highlight the selection' },
  { keys: 'A', action: 'Mark the selection as an actor mention' },
  { keys: 'C', action: 'Mark the selection as a claim' },
  { keys: 'T', action: 'Tag the selection' },
  { keys: '1 – 9', action: 'Apply the tag with that hotkey to the selection or the selected annotation' },
  { keys: 'J / K', action: 'Next / previous annotation' },
  { keys: 'E', action: 'Edit the selected annotation (claims open their form)' },
  { keys: 'R / D', action: 'Mark the selected annotation reviewed / disputed' },
  { keys: 'Delete', action: 'Delete the selected annotation' },
  { keys: 'Ctrl/Cmd + Z', action: 'Undo' },
  { keys: 'Ctrl/Cmd + Shift + Z', action: 'Redo' },
  { keys: 'N', action: 'New article' },
  { keys: 'Esc', action: 'Clear the selection, close a dialog' },
  { keys: '?', action: 'Show these shortcuts' },
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
