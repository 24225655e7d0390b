import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Article } from '../../../src-shared/domain/article';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../app/use-async-error';

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(article: Article): void;
}

const EMPTY = { title: '', source: '', url: '', published: '', text: '' };

/** "New article": paste a text with its metadata. Nothing is stored unless every field is valid. */
export function NewArticleDialog({ open, onClose, onCreated }: Props) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const article = await api.call('articles:create', fields);
      setFields(EMPTY);
      onCreated(article);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="new-article-heading" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="new-article-heading">New article</h2>
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
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
