import { useWorkbench } from '../../app/workbench-context';
import type { PendingSelection } from './use-annotation-actions';

interface Props {
  pending: PendingSelection;
  tagMenu: boolean;
  setTagMenu(update: (open: boolean) => boolean): void;
  /** Offered when the selected annotation is an orphan waiting for a new passage. */
  canReattach: boolean;
  onHighlight(): void;
  onActor(): void;
  onClaim(): void;
  onTag(tagId: string): void;
  onReattach(): void;
}

/** The toolbar that floats over a selection in the article, with its tag menu. */
export function SelectionToolbar({ pending, tagMenu, setTagMenu, canReattach, onHighlight, onActor, onClaim, onTag, onReattach }: Props) {
  const { project } = useWorkbench();
  return (
    <div role="toolbar" aria-label="Selection" className="floating-toolbar" style={{ top: pending.top, left: pending.left }} onMouseDown={(event) => event.preventDefault()}>
      <button type="button" onClick={onHighlight} aria-keyshortcuts="H" title="Highlight (H)">
        Highlight
      </button>
      <button type="button" onClick={onActor} aria-keyshortcuts="A" title="Mark an actor (A)">
        Actor
      </button>
      <button type="button" onClick={onClaim} aria-keyshortcuts="C" title="Mark a claim (C)">
        Claim
      </button>
      <button type="button" aria-haspopup="menu" aria-expanded={tagMenu} onClick={() => setTagMenu((v) => !v)} aria-keyshortcuts="T" title="Tag (T, or 1–9)">
        Tag
      </button>
      {canReattach && (
        <button type="button" onClick={onReattach}>
          Re-attach
        </button>
      )}
      {tagMenu && (
        <div role="menu" aria-label="Tags" className="menu tag-menu" onKeyDown={(e) => e.key === 'Escape' && setTagMenu(() => false)}>
          {project.tags.length === 0 && (
            <button type="button" role="menuitem" disabled>
              No tags yet: add them in the Codebook
            </button>
          )}
          {project.tags.map((tag, index) => (
            <button key={tag.id} type="button" role="menuitem" autoFocus={index === 0} onClick={() => onTag(tag.id)}>
              <span className="swatch" style={{ background: tag.color }} aria-hidden />
              {tag.name}
              {tag.hotkey && <kbd>{tag.hotkey}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
