import { useState, type FormEvent } from 'react';
import type { Article } from '../../../src-shared/domain/article';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';

/** Replace or correct an article's text; annotations re-anchor, the rest become orphans. */
export function EditTextDialog({ article, onClose }: { article: Article; onClose(): void }) {
  const { setStatus } = useWorkbench();
  const { mutateAsync: updateText } = useApiMutation('articles:update-text');
  const [text, setText] = useState(article.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    try {
      const result = await updateText({ id: article.id, text });
      setStatus(
        result.orphaned === 0
          ? 'Text saved; every annotation found its passage.'
          : `Text saved; ${result.orphaned} annotation${result.orphaned === 1 ? '' : 's'} could not be placed and ${result.orphaned === 1 ? 'is' : 'are'} listed under “Lost after an edit”.`,
      );
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
      setSaving(false);
    }
  }

  return (
    <Modal title="Edit article text" onClose={onClose} wide>
      <form onSubmit={save}>
        <p className="muted">Each line is a paragraph. Annotations move with their passages; any that cannot be found again are kept for you to re-attach.</p>
        <textarea className="edit-text" aria-label="Article text" value={text} onChange={(e) => setText(e.target.value)} rows={20} />
        <DialogFooter error={error} onCancel={onClose} submitLabel="Save" busy={saving} />
      </form>
    </Modal>
  );
}
