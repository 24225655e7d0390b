import { useEffect, useState } from 'react';
import type { Article } from '../../../src-shared/domain/article';
import { useApiMutation } from '../../api/queries';
import { useWorkbench } from '../../app/workbench-context';
import { CODING_FILTER_LABELS, setCodingFilter, useCodingFilter, type CodingFilter } from './coding-filter';

/** In the reader header: who the article is assigned to, and whose annotations are shown. */
export function CodingControls({ article }: { article: Article }) {
  const { reportError, setStatus } = useWorkbench();
  const filter = useCodingFilter();
  const { mutateAsync: update } = useApiMutation('articles:update');
  const saved = (article.assignedTo ?? []).join(', ');
  const [assigned, setAssigned] = useState(saved);
  useEffect(() => setAssigned(saved), [saved]);

  const saveAssigned = async () => {
    const names = [...new Set(assigned.split(/[,;]/).map((n) => n.trim()).filter(Boolean))];
    if (names.join(', ') === saved) return;
    try {
      await update({ id: article.id, patch: { assignedTo: names } });
      setStatus(names.length ? `Assigned to ${names.join(', ')}.` : 'No analyst assigned.');
    } catch (failure) {
      reportError(failure);
    }
  };
  return (
    <div className="coding-controls">
      <label>
        Assigned to{' '}
        <input
          type="text"
          value={assigned}
          placeholder="Names, separated by commas"
          aria-label="Assigned analysts"
          onChange={(e) => setAssigned(e.target.value)}
          onBlur={() => void saveAssigned()}
          onKeyDown={(e) => e.key === 'Enter' && void saveAssigned()}
        />
      </label>
      <label>
        Show{' '}
        <select aria-label="Show annotations" value={filter} onChange={(e) => setCodingFilter(e.target.value as CodingFilter)}>
          {Object.entries(CODING_FILTER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
