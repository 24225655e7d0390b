import { useMemo, useState } from 'react';
import { useDebounced } from '../../ui/use-debounced';
import type { ChannelInput, LibrarySort } from '../../../src-shared/contract';
import { VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import { ARTICLE_STATUS_LABELS, REVIEW_FILTER_LABELS } from '../../ui/labels';
import { useWorkbench } from '../../app/workbench-context';
import { ReportDialog } from '../export/report-dialog';
import { SuggestDialog } from '../suggestions/suggest-dialog';
import { LibraryList } from './library-list';
import { useLibraryRows, type LibrarySelection } from './use-library-rows';
import { LabelOptions } from '../../ui/label-options';

type Filters = NonNullable<ChannelInput<'search:query'>['filters']>;

/** The library with its sort, filters and multi-selection for reports, read a page at a time. */
export function LibraryPanel({ openId, onOpen }: { openId: string | null; onOpen(id: string): void }) {
  const { project } = useWorkbench();
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('added');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [showFilters, setShowFilters] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const active = Object.values(filters).some((v) => v) || query.trim() !== '';

  // Text and filters combine: the full-text search runs over the filtered library, in the sort chosen.
  const asked = useDebounced({ query, filters }, 150);
  const selection = useMemo<LibrarySelection>(() => ({ query: asked.query, filters: asked.filters, sort }), [asked, sort]);
  const rows = useLibraryRows(selection);
  const total = rows.total ?? 0;
  const size = rows.librarySize ?? 0;

  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value || undefined }));
  return (
    <>
      {/* Suggest for… acts on the whole library (or the chosen articles): it sits by the heading, leaving the sort its width. */}
      <div className="library-head">
        <h2 className="sidebar-heading">Library</h2>
        <button type="button" onClick={() => setSuggesting(true)} disabled={size === 0} title="Find actors and quotes in chosen articles or the whole project">
          Suggest for…
        </button>
      </div>
      <div className="library-tools">
        <select aria-label="Sort library" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
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
        {rows.total === undefined ? '' : total === size ? `${size.toLocaleString()} ${size === 1 ? 'article' : 'articles'}` : `${total.toLocaleString()} of ${size.toLocaleString()} articles`}
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
        rows={rows}
        selectionKey={JSON.stringify(selection)}
        openId={openId}
        onOpen={onOpen}
        selected={selected}
        onSelect={setSelected}
        emptyMessage={size === 0 ? 'No articles yet. Use New article to paste one.' : 'No article matches the filters.'}
      />
      {suggesting && <SuggestDialog chosen={[...selected]} shown={active ? { count: total, ids: rows.allIds } : null} total={size} onClose={() => setSuggesting(false)} />}
      {reporting && <ReportDialog initialChosen={[...selected]} onClose={() => setReporting(false)} />}
    </>
  );
}
