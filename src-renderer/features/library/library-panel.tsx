import { useMemo, useState } from 'react';
import { useDebounced } from '../../ui/use-debounced';
import type { ChannelInput } from '../../../src-shared/contract';
import type { ArticleSummary } from '../../../src-shared/domain/article';
import { VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import { useApiQuery } from '../../api/queries';
import { ARTICLE_STATUS_LABELS, REVIEW_FILTER_LABELS } from '../../ui/labels';
import { useWorkbench } from '../../app/workbench-context';
import { ReportDialog } from '../export/report-dialog';
import { SuggestDialog } from '../suggestions/suggest-dialog';
import { LibraryList } from './library-list';
import { LabelOptions } from '../../ui/label-options';

type Filters = NonNullable<ChannelInput<'search:query'>['filters']>;
type SortKey = 'added' | 'published' | 'title' | 'annotations' | 'claims';

/** The library with its sort, filters and multi-selection for reports. */
export function LibraryPanel({ articles, openId, onOpen }: { articles: readonly ArticleSummary[]; openId: string | null; onOpen(id: string): void }) {
  const { project } = useWorkbench();
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('added');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [showFilters, setShowFilters] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const active = Object.values(filters).some((v) => v) || query.trim() !== '';

  // Text and filters combine: the full-text search runs over the filtered library.
  const asked = useDebounced({ query, filters }, 150);
  const search = useApiQuery('search:query', { query: asked.query, filters: asked.filters, limit: 10_000 }, { enabled: active, keepPrevious: true, staleTime: 0 });
  const matching = useMemo(() => (active && search.data ? new Set(search.data.articles.map((a) => a.id)) : null), [active, search.data]);

  const shown = useMemo(() => {
    const list = matching ? articles.filter((a) => matching.has(a.id)) : [...articles];
    const by: Record<SortKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
      added: (a, b) => b.createdAt.localeCompare(a.createdAt),
      published: (a, b) => (b.published || '0').localeCompare(a.published || '0'),
      title: (a, b) => a.title.localeCompare(b.title),
      annotations: (a, b) => b.annotationCount - a.annotationCount,
      claims: (a, b) => b.claimCount - a.claimCount,
    };
    return list.sort(by[sort]);
  }, [articles, matching, sort]);

  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value || undefined }));
  return (
    <>
      {/* Suggest for… acts on the whole library (or the chosen articles): it sits by the heading, leaving the sort its width. */}
      <div className="library-head">
        <h2 className="sidebar-heading">Library</h2>
        <button type="button" onClick={() => setSuggesting(true)} disabled={articles.length === 0} title="Find actors and quotes in chosen articles or the whole project">
          Suggest for…
        </button>
      </div>
      <div className="library-tools">
        <select aria-label="Sort library" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
          <option value="added">Newest added</option>
          <option value="published">Newest published</option>
          <option value="title">Title</option>
          <option value="annotations">Most annotated</option>
          <option value="claims">Most claims</option>
        </select>
        <button type="button" aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
          Filters{active ? ' •' : ''}
        </button>
      </div>
      {showFilters && (
        <div className="library-filters" role="group" aria-label="Library filters">
          <input type="search" aria-label="Words in the article" placeholder="Words in title, text or notes…" value={query} onChange={(e) => setQuery(e.target.value)} />
          <select aria-label="Actor" value={filters.actorId ?? ''} onChange={(e) => set('actorId')(e.target.value)}>
            <option value="">Any actor</option>
            {project.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <select aria-label="Tag" value={filters.tagId ?? ''} onChange={(e) => set('tagId')(e.target.value)}>
            <option value="">Any tag</option>
            {project.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <select aria-label="Claim verification" value={filters.verification ?? ''} onChange={(e) => set('verification')(e.target.value)}>
            <option value="">Any verification</option>
            <LabelOptions labels={VERIFICATION_LABELS} />
          </select>
          <select aria-label="Annotation review status" value={filters.reviewStatus ?? ''} onChange={(e) => set('reviewStatus')(e.target.value)}>
            <option value="">Any review status</option>
            <LabelOptions labels={REVIEW_FILTER_LABELS} />
          </select>
          <select aria-label="Article status filter" value={filters.articleStatus ?? ''} onChange={(e) => set('articleStatus')(e.target.value)}>
            <option value="">Any article status</option>
            <LabelOptions labels={ARTICLE_STATUS_LABELS} />
          </select>
          <input aria-label="Source contains" placeholder="Source…" value={filters.source ?? ''} onChange={(e) => set('source')(e.target.value)} />
          <label>
            From <input type="date" aria-label="Published from" value={filters.from ?? ''} onChange={(e) => set('from')(e.target.value)} />
          </label>
          <label>
            To <input type="date" aria-label="Published to" value={filters.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
          </label>
          {active && (
            <button
              type="button"
              onClick={() => {
                setFilters({});
                setQuery('');
              }}
            >
              Clear filters
            </button>
          )}
        </div>
      )}
      <p className="library-count muted">
        {shown.length === articles.length ? `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}` : `${shown.length} of ${articles.length} articles`}
        {selected.size > 0 && (
          <>
            {' · '}
            {selected.size} chosen{' '}
            <button type="button" className="link-button" onClick={() => setReporting(true)}>
              Report on chosen
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          </>
        )}
      </p>
      <LibraryList
        articles={shown}
        openId={openId}
        onOpen={onOpen}
        selected={selected}
        onSelect={setSelected}
        emptyMessage={articles.length === 0 ? 'No articles yet. Use New article to paste one.' : 'No article matches the filters.'}
      />
      {suggesting && <SuggestDialog chosen={[...selected]} shown={active ? shown.map((a) => a.id) : null} total={articles.length} onClose={() => setSuggesting(false)} />}
      {reporting && <ReportDialog articles={articles} initialChosen={[...selected]} onClose={() => setReporting(false)} />}
    </>
  );
}
