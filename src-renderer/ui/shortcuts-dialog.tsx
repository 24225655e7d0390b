import { SHORTCUTS, type Shortcut, type ShortcutContext } from '../app/keymap';
import { Modal } from './modal';

const CONTEXTS: ShortcutContext[] = ['Reading an article', 'Review view', 'Reviewing suggestions', 'Anywhere'];

/** Every keyboard shortcut, listed from the keymap the listeners use (opened with ?). */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const all: Shortcut[] = Object.values(SHORTCUTS);
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      {CONTEXTS.map((context) => (
        <table key={context} className="shortcuts" aria-label={context}>
          <caption>{context}</caption>
          <tbody>
            {all
              .filter((s) => s.context === context)
              .map((s) => (
                <tr key={s.keys + s.action}>
                  <th scope="row">
                    <kbd>{s.keys}</kbd>
                  </th>
                  <td>{s.action}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
