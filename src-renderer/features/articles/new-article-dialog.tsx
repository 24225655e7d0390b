import { useState, type FormEvent } from 'react';
import type { Article } from '../../../src-shared/domain/article';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';

interface Props {
  onClose(): void;
  onCreated(article: Article): void;
}

const EMPTY = { title: '', source: '', url: '', published: '', text: '' };

/** "New article": paste a text with its metadata. Nothing is stored unless every field is valid. */
export function NewArticleDialog({ onClose, onCreated }: Props) {
  const { mutateAsync: createArticle } = useApiMutation('articles:create');
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onCreated(await createArticle(fields));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="New article" onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <label htmlFor="na-title">Title</label>
          <input id="na-title" value={fields.title} onChange={set('title')} required maxLength={500} autoFocus />
          <label htmlFor="na-source">Source</label>
          <input id="na-source" value={fields.source} onChange={set('source')} maxLength={200} placeholder="e.g. a wire service or newspaper" />
          <label htmlFor="na-url">URL</label>
          <input id="na-url" type="url" value={fields.url} onChange={set('url')} placeholder="https://…" />
          <label htmlFor="na-published">Published</label>
          <input id="na-published" type="date" value={fields.published} onChange={set('published')} />
          <label htmlFor="na-text">Text</label>
          <textarea id="na-text" value={fields.text} onChange={set('text')} rows={14} required placeholder="Paste the article text. Each line becomes a paragraph." />
        </div>
        <DialogFooter error={error} onCancel={onClose} submitLabel={saving ? 'Saving…' : 'Save'} busy={saving} />
      </form>
    </Modal>
  );
}
