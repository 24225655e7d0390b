import { useEffect, useState } from 'react';
import type { Article, ArticleStatus } from '../../../src-shared/domain/article';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { ARTICLE_STATUS_LABELS } from '../../ui/labels';
import { LabelOptions } from '../../ui/label-options';
import { CodingControls } from '../agreement/coding-controls';
import { ArticleHistoryDialog } from '../sync/article-history-dialog';

/** The open article's title and metadata, with its status, note and the Edit text button. */
export function ReaderHeader({ article, onEditText }: { article: Article; onEditText(): void }) {
  const { reportError, setStatus } = useWorkbench();
  const { mutateAsync: updateArticle } = useApiMutation('articles:update');
  const [note, setNote] = useState(article.note);
  const [showNote, setShowNote] = useState(article.note.length > 0);
  const [showHistory, setShowHistory] = useState(false);
  useEffect(() => setNote(article.note), [article.note]);

  async function update(patch: { status?: ArticleStatus; note?: string }, message: string): Promise<void> {
    try {
      await updateArticle({ id: article.id, patch });
      setStatus(message);
    } catch (failure) {
      setStatus(messageOf(failure));
      reportError(failure);
    }
  }

  const meta = [article.source, article.published].filter(Boolean).join(' · ');
  return (
    <header className="reader-header">
      <h1 dir="auto" lang={article.language || undefined}>{article.title}</h1>
      <p className="reader-meta">
        {meta}
        {article.url && (
          <>
            {meta && ' · '}
            <a href={article.url} target="_blank" rel="noreferrer noopener">
              {article.url}
            </a>
          </>
        )}
      </p>
      <div className="reader-tools">
        <label htmlFor="article-status">Article status</label>
        <select
          id="article-status"
          value={article.status}
          onChange={(e) => {
            const status = e.target.value as ArticleStatus;
            void update({ status }, `Article marked ${ARTICLE_STATUS_LABELS[status].toLowerCase()}.`);
          }}
        >
          <LabelOptions labels={ARTICLE_STATUS_LABELS} />
        </select>
        <button type="button" aria-expanded={showNote} onClick={() => setShowNote((v) => !v)}>
          Article note
        </button>
        <button type="button" onClick={onEditText}>
          Edit text
        </button>
        <button type="button" onClick={() => setShowHistory(true)} title="Who changed this article and when; restore an earlier version">
          History
        </button>
      </div>
      <CodingControls article={article} />
      {showHistory && <ArticleHistoryDialog articleId={article.id} onClose={() => setShowHistory(false)} />}
      {showNote && (
        <textarea
          className="article-note"
          aria-label="Article note"
          rows={3}
          value={note}
          placeholder="Notes on this article…"
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => note !== article.note && void update({ note }, 'Article note saved.')}
        />
      )}
    </header>
  );
}
