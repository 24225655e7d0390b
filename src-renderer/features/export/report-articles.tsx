import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { useDebounced } from '../../ui/use-debounced';

/** Checkboxes drawn at once; the others are found by their title. */
const LISTED = 200;

const toggle = (list: readonly string[], value: string, on: boolean): string[] => (on ? [...list, value] : list.filter((v) => v !== value));

/**
 * The articles of a report with "Chosen articles": the newest ones, or those whose title holds
 * the words typed, or only those chosen, read from the library a page at a time (never the
 * whole library). Articles chosen stay chosen while the filter hides them.
 */
export function ReportArticles({ chosen, onChange }: { chosen: readonly string[]; onChange(ids: string[]): void }) {
  const [filter, setFilter] = useState('');
  const [onlyChosen, setOnlyChosen] = useState(false);
  const isChosen = useMemo(() => new Set(chosen), [chosen]);
  const title = useDebounced(filter.trim(), 150);
  const filters = { ...(title ? { title } : {}), ...(onlyChosen ? { ids: [...chosen] } : {}) };
  const list = useApiQuery('articles:page', { query: '', filters, sort: 'added', offset: 0, limit: LISTED }, { keepPrevious: true }).data;
  return (
    <div className="report-articles">
      <input type="search" aria-label="Find articles by title" placeholder="Find by title…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <label>
        <input type="checkbox" checked={onlyChosen} onChange={(e) => setOnlyChosen(e.target.checked)} /> Only the chosen ({chosen.length.toLocaleString()})
      </label>
      <div className="check-list" role="group" aria-label="Articles in the report">
        {list?.items.map((a) => (
          <label key={a.id}>
            <input type="checkbox" checked={isChosen.has(a.id)} onChange={(e) => onChange(toggle(chosen, a.id, e.target.checked))} /> {a.title}
          </label>
        ))}
      </div>
      {list && list.total > list.items.length && (
        <p className="muted">
          {list.items.length} of {list.total.toLocaleString()} shown: type words of a title to find the others.
        </p>
      )}
    </div>
  );
}
