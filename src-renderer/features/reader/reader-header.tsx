import { useEffect, useState } from 'react';
import type { Article, ArticleStatus } from '../../../src-shared/domain/article';
import { useApiMutation } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { ARTICLE_STATUS_LABELS } from '../../ui/labels';
import { LabelOptions } from '../../ui/label-options';
import { MetaLine } from '../../ui/meta-line';
import { CodingControls } from '../agreement/coding-controls';
import { ArticleDetails } from './article-details';
import { ArticleHistoryDialog } from '../sync/article-history-dialog';

/** The open article's title and metadata, with its status, note and the Edit text button. */
export function ReaderHeader({ article, onEditText }: { article: Article; onEditText(): void }) {
  const change = useChange();
  const { mutateAsync: updateArticle } = useApiMutation('articles:update');
  const [note, setNote] = useState(article.note);
  const [showNote, setShowNote] = useState(article.note.length > 0);
  const [showHistory, setShowHistory] = useState(false);
  const [showDetails, setShowDetails] = useState(false);
  useEffect(() => setNote(article.note), [article.note]);

  // The failure goes to the error banner only (it was also put in the status line: shown twice).
  const update = (patch: { status?: ArticleStatus; note?: string }, message: string) => change(() => updateArticle({ id: article.id, patch }), message);

  const lang = article.language || undefined;
  const hasMeta = Boolean(article.source || article.published);
  return (
    <header className="reader-header">
      <h1 dir="auto" lang={lang}>{article.title}</h1>
      {article.byline && (
        // dir="auto" passes over the <bdi>: the byline's own letters set the line's direction, as the title's do.
        <p className="reader-byline" dir="auto">
          <bdi className="visually-hidden">Byline: </bdi>
          <span lang={lang}>{article.byline}</span>
        </p>
      )}
      <p className="reader-meta">
        <MetaLine parts={[{ text: article.source, lang }, { date: article.published }]} />
        {article.url && (
          <>
            {hasMeta && ' · '}
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
        <button type="button" aria-expanded={showDetails} onClick={() => setShowDetails((v) => !v)} title="Language, direction and byline">
          Details
        </button>
        <button type="button" onClick={onEditText}>
          Edit text
        </button>
        <button type="button" onClick={() => setShowHistory(true)} title="Who changed this article and when; restore an earlier version">
          History
        </button>
      </div>
      {showDetails && <ArticleDetails article={article} />}
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
