import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ActorEntry, ArticleSession, TagEntry } from '../../app/workbench-context';
import type { AnnotationKind, ReviewStatus } from '../../../src-shared/domain/annotation';
import { useWorkbench } from '../../app/workbench-context';
import { ANNOTATION_KIND_LABELS, REVIEW_STATUS_LABELS } from '../../ui/labels';
import { describeAnnotation } from './annotation-labels';
import { SelectedAnnotation } from './annotation-editor';
import { LabelOptions } from '../../ui/label-options';

/** The open article's annotations in text order, filterable; orphans listed apart. */
export function AnnotationsPanel() {
  const { session: current, actorsById, project } = useWorkbench();
  // The list may hold thousands of entries: let the article redraw first, the list after.
  const session = useDeferredValue(current);
  const [kind, setKind] = useState<AnnotationKind | ''>('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<ReviewStatus | ''>('');

  const list = useMemo(() => {
    if (!session) return [];
    return session.annotations
      .filter((a) => (!kind || a.kind === kind) && (!tag || a.tags.includes(tag)) && (!status || a.status === status))
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  }, [session, kind, tag, status]);
  const anchored = useMemo(() => list.filter((a) => a.anchor === 'anchored'), [list]);
  const orphans = useMemo(() => list.filter((a) => a.anchor === 'orphan'), [list]);

  return (
    <section className="panel" aria-label="Annotations">
      <h2 className="panel-heading">
        Annotations <span className="count">{session ? `${anchored.length}${list.length !== session.annotations.length ? ` of ${session.annotations.length}` : ''}` : ''}</span>
      </h2>
      {!session ? (
        <p className="muted panel-body">Open an article to see its annotations.</p>
      ) : (
        <>
          <div className="filters">
            <select aria-label="Filter by kind" value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind | '')}>
              <option value="">All kinds</option>
              <LabelOptions labels={ANNOTATION_KIND_LABELS} />
            </select>
            <select aria-label="Filter by tag" value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">All tags</option>
              {project.tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <select aria-label="Filter by status" value={status} onChange={(e) => setStatus(e.target.value as ReviewStatus | '')}>
              <option value="">All statuses</option>
              <LabelOptions labels={REVIEW_STATUS_LABELS} />
            </select>
          </div>
          <AnnotationList entries={anchored} selectedId={session.selectedId} select={session.select} filtered={Boolean(kind || tag || status)} actorsById={actorsById} tags={project.tags} />
          {orphans.length > 0 && (
            <div className="orphans" role="group" aria-label="Orphaned annotations">
              <h3>Lost after an edit ({orphans.length})</h3>
              <ul className="annotation-list">
                {orphans.map((a) => (
                  <li key={a.id}>
                    <button type="button" className={a.id === session.selectedId ? 'annotation-entry selected' : 'annotation-entry'} onClick={() => session.select(a.id)}>
                      <span className="entry-text">
                        <span className="entry-quote">{a.target.exact}</span>
                        <span className="entry-meta">{describeAnnotation(a, actorsById)}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <SelectedAnnotation />
        </>
      )}
    </section>
  );
}

interface ListProps {
  entries: readonly Annotation[];
  selectedId: string | null;
  select: ArticleSession['select'];
  filtered: boolean;
  actorsById: Map<string, ActorEntry>;
  tags: readonly TagEntry[];
}

/** Memoised: thousands of entries are rebuilt only when they or the selection change. */
const AnnotationList = memo(function AnnotationList({ entries, selectedId, select, filtered, actorsById, tags }: ListProps) {
  const tagNames = new Map(tags.map((t) => [t.id, t.name]));
  return (
    <ul className="annotation-list" aria-label="Annotations in text order">
      {entries.map((a) => (
        <li key={a.id}>
          <button type="button" className={a.id === selectedId ? 'annotation-entry selected' : 'annotation-entry'} aria-current={a.id === selectedId} onClick={() => select(a.id, { scroll: true })}>
            <span className={`kind-dot kind-${a.kind}`} aria-hidden />
            <span className="entry-text">
              <span className="entry-quote">{a.target.exact.length > 90 ? `${a.target.exact.slice(0, 90)}…` : a.target.exact}</span>
              <span className="entry-meta">
                {describeAnnotation(a, actorsById)} · {REVIEW_STATUS_LABELS[a.status]}
                {a.curated && <span className="agreed-badge">Agreed</span>}
                {a.tags.length > 0 && ` · ${a.tags.map((t) => tagNames.get(t)).filter(Boolean).join(', ')}`}
              </span>
            </span>
          </button>
        </li>
      ))}
      {entries.length === 0 && <li className="muted">No annotations{filtered ? ' match the filters' : ' yet: select text in the article'}.</li>}
    </ul>
  );
});
