import { useEffect, useRef, useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useDebounced } from '../../ui/use-debounced';
import { MetaLine } from '../../ui/meta-line';

/** Full-text search over the library; results open the article at the match. */
export function SearchBox() {
  const nav = useNavigation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  const asked = useDebounced(query.trim(), 120);
  // Not cached for long: while the index is still being built, the same words find more.
  const search = useApiQuery('search:query', { query: asked, limit: 30 }, { enabled: asked !== '', keepPrevious: true, staleTime: 0 });
  const results = query.trim() && search.data ? search.data : null;

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const indexing = results && results.indexing.indexed < results.indexing.total ? results.indexing : null;
  return (
    <div className="search" ref={boxRef}>
      <input
        type="search"
        role="searchbox"
        aria-label="Search"
        placeholder="Search…"
        title="Search articles, notes and actors"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            boxRef.current?.querySelector<HTMLElement>('.search-results button')?.focus();
          }
        }}
      />
      {open && results && (
        <section className="search-results" aria-label="Search results" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <p className="muted">
            {results.total} {results.total === 1 ? 'article' : 'articles'}
            {indexing && ` (still indexing: ${indexing.indexed.toLocaleString()} of ${indexing.total.toLocaleString()})`}
          </p>
          {results.actors.length > 0 && (
            <ul aria-label="Matching actors">
              {results.actors.map((a) => (
                <li key={a.id}>
                  <button type="button" onClick={() => { setOpen(false); nav.showActor(a.id); }}>
                    <strong>{a.name}</strong> <span className="muted">actor{a.description ? ` · ${a.description}` : ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ul aria-label="Matching articles">
            {results.articles.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false);
                    nav.open({ articleId: a.id, range: a.snippet ? { start: a.snippet.start, end: a.snippet.end } : undefined });
                  }}
                >
                  <span className="result-title">{a.title}</span>
                  <span className="muted">
                    {' '}
                    <MetaLine parts={[{ text: a.source }, { date: a.published }]} />
                  </span>
                  {a.snippet && (
                    <span className="result-snippet" dir="auto">
                      {a.snippet.before}
                      <mark>{a.snippet.match}</mark>
                      {a.snippet.after}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
