import { useRef, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../src-shared/domain/article';

interface Props {
  articles: readonly ArticleSummary[];
  openId: string | null;
  onOpen(id: string): void;
}

/** The project's articles as a listbox: arrow keys move, Enter or a click opens. */
export function LibraryList({ articles, openId, onOpen }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const options = [...(listRef.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
    const current = options.indexOf(document.activeElement as HTMLElement);
    const move = (index: number): void => {
      event.preventDefault();
      options[Math.max(0, Math.min(options.length - 1, index))]?.focus();
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(options.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && current >= 0) {
      event.preventDefault();
      onOpen(articles[current]!.id);
    }
  }

  if (articles.length === 0) {
    return (
      <div role="listbox" aria-label="Library" className="library-empty">
        <p>No articles yet. Use <strong>New article</strong> to paste one.</p>
      </div>
    );
  }

  return (
    <div role="listbox" aria-label="Library" className="library" ref={listRef} onKeyDown={onKeyDown}>
      {articles.map((article, index) => {
        const selected = article.id === openId;
        const meta = [article.source, article.published].filter(Boolean).join(' · ');
        return (
          <div
            key={article.id}
            role="option"
            aria-selected={selected}
            tabIndex={selected || (openId === null && index === 0) ? 0 : -1}
            className={selected ? 'library-item selected' : 'library-item'}
            onClick={() => onOpen(article.id)}
          >
            <span className="library-title">{article.title}</span>
            <span className="library-meta">{meta || 'No source'}</span>
            <span className="library-counts">
              {article.wordCount.toLocaleString()} words · {article.annotationCount} {article.annotationCount === 1 ? 'annotation' : 'annotations'}
            </span>
          </div>
        );
      })}
    </div>
  );
}
