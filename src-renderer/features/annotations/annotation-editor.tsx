import { useEffect, useState } from 'react';
import type { Annotation, ReviewStatus } from '../../../src-shared/domain/annotation';
import { useApiMutation } from '../../api/queries';
import { useWorkbench } from '../../app/workbench-context';
import { ClaimFormDialog } from '../claims/claim-form-dialog';
import { keysOf, REVIEW_STATUS_LABELS } from '../../ui/labels';
import { describeAnnotation } from './annotation-labels';
import { AuthorshipLine } from '../../ui/authorship-line';

/** The selected annotation of the open article, if any. */
export function SelectedAnnotation() {
  const { session } = useWorkbench();
  const selected = session?.annotations.find((a) => a.id === session.selectedId);
  return selected ? <AnnotationEditor key={selected.id} annotation={selected} /> : null;
}

/** The selected annotation: review status, tags, note; claims open their full form. */
function AnnotationEditor({ annotation }: { annotation: Annotation }) {
  const { project, session, actorsById, reportError, setStatus } = useWorkbench();
  const { mutateAsync: del } = useApiMutation('annotations:delete');
  const { mutateAsync: change } = useApiMutation('annotations:update');
  const [note, setNote] = useState(annotation.note);
  const [editingClaim, setEditingClaim] = useState(false);
  useEffect(() => setNote(annotation.note), [annotation.id, annotation.note]);

  async function remove(): Promise<void> {
    try {
      await del({ articleId: annotation.articleId, id: annotation.id });
      session?.select(null);
      setStatus('Annotation deleted. Undo with Ctrl+Z.');
    } catch (failure) {
      reportError(failure);
    }
  }

  async function update(patch: { status?: ReviewStatus; tags?: string[]; note?: string }, message: string): Promise<void> {
    try {
      await change({ articleId: annotation.articleId, id: annotation.id, patch });
      setStatus(message);
    } catch (failure) {
      reportError(failure);
    }
  }

  return (
    <section className="annotation-editor" aria-label="Selected annotation">
      <p className="editor-title">{describeAnnotation(annotation, actorsById)}</p>
      <blockquote className="editor-quote">{annotation.target.exact}</blockquote>
      {!annotation.id.startsWith('pending-') && <AuthorshipLine item={annotation} label="Authorship" />}
      {annotation.anchor === 'orphan' && <p className="orphan-note">Lost after an edit of the text: select the passage again and choose Re-attach, or delete it.</p>}
      <div className="segmented" role="group" aria-label="Review status">
        {keysOf(REVIEW_STATUS_LABELS).map((status) => (
          <button key={status} type="button" aria-pressed={annotation.status === status} onClick={() => void update({ status }, `Marked ${REVIEW_STATUS_LABELS[status].toLowerCase()}.`)}>
            {REVIEW_STATUS_LABELS[status]}
          </button>
        ))}
      </div>
      {project.tags.length > 0 && (
        <div className="tag-toggles" role="group" aria-label="Tags">
          {project.tags.map((tag) => {
            const on = annotation.tags.includes(tag.id);
            return (
              <button
                key={tag.id}
                type="button"
                aria-pressed={on}
                className="tag-toggle"
                style={{ borderColor: tag.color, background: on ? tag.color : undefined }}
                onClick={() => void update({ tags: on ? annotation.tags.filter((t) => t !== tag.id) : [...annotation.tags, tag.id] }, on ? `Removed tag ${tag.name}.` : `Tagged ${tag.name}.`)}
                title={tag.hotkey ? `Toggle with key ${tag.hotkey}` : undefined}
              >
                {tag.name}
              </button>
            );
          })}
        </div>
      )}
      <label className="stacked-label" htmlFor="annotation-note">
        Annotation note
      </label>
      <textarea
        id="annotation-note"
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => note !== annotation.note && void update({ note }, 'Note saved.')}
        placeholder="Why this passage matters…"
      />
      <div className="editor-actions">
        {annotation.kind === 'claim' && (
          <button type="button" onClick={() => setEditingClaim(true)} aria-keyshortcuts="E">
            Edit claim
          </button>
        )}
        <button type="button" className="danger" onClick={() => void remove()} aria-keyshortcuts="Delete">
          Delete
        </button>
      </div>
      {editingClaim && (
        <ClaimFormDialog
          annotation={annotation}
          onClose={() => setEditingClaim(false)}
          onSaved={() => {
            setEditingClaim(false);
            setStatus('Claim saved.');
          }}
        />
      )}
    </section>
  );
}
