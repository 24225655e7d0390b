import type { ChannelOutput } from '../../../src-shared/contract';
import { gradeOf, VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import { describeAnnotation } from '../annotations/annotation-labels';
import { authorshipText } from '../../ui/authorship-line';
import { MetaLine } from '../../ui/meta-line';

export type LibraryEntry = ChannelOutput<'claims:table'>[number];

/** One annotation in context, with where it comes from and a way to open it. */
export function EntryView({ entry, showLinks = true }: { entry: LibraryEntry; showLinks?: boolean }) {
  const nav = useNavigation();
  const { actorsById } = useWorkbench();
  const a = entry.annotation;
  return (
    <article className="entry" aria-label={`${describeAnnotation(a, actorsById)}: ${a.target.exact.slice(0, 60)}`}>
      <p className="entry-source">
        <strong>
          <bdi>{entry.articleTitle}</bdi>
        </strong>
        {' · '}
        <MetaLine parts={[{ text: entry.source }, { date: entry.published }, { text: entry.paragraph ? `paragraph ${entry.paragraph}` : 'lost after an edit' }]} />
      </p>
      <p className="entry-context" dir="auto">
        …{entry.before}
        <mark className={`hl hl-${a.kind}`}>{a.target.exact}</mark>
        {entry.after}…
      </p>
      <p className="entry-facts">
        {describeAnnotation(a, actorsById)}
        {a.claim && ` · ${a.claim.medium || 'medium not noted'}`}
        {a.note && ` · Note: ${a.note}`}
      </p>
      {a.createdBy && <p className="entry-authorship muted">{authorshipText(a)}</p>}
      {showLinks && entry.links.length > 0 && (
        <ul className="entry-links">
          {entry.links.map((l) => (
            <li key={`${l.articleId}/${l.annotationId}`}>
              {l.direction === 'out' ? `${cap(l.type)}:` : `${cap(l.type === 'repeats' ? 'repeated' : l.type === 'supports' ? 'supported' : 'contradicted')} by:`} “{l.text}”
              <button type="button" className="link-button" onClick={() => nav.open({ articleId: l.articleId, annotationId: l.annotationId })}>
                open
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={() => nav.open({ articleId: entry.articleId, annotationId: a.id })}>
        Open in article
      </button>
    </article>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const gradeText = (entry: LibraryEntry) => (entry.annotation.claim ? `${gradeOf(entry.annotation.claim)} · ${VERIFICATION_LABELS[entry.annotation.claim.verification]}` : '');
