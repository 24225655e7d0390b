import { useState } from 'react';
import { gradeOf, VERIFICATION_LABELS } from '../../../src-shared/domain/claim';
import type { Annotation } from '../../../src-shared/domain/annotation';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import { ANNOTATION_KIND_LABELS } from '../../ui/labels';

type Unit = ChannelOutput<'agreement:curation'>['units'][number];

interface Props {
  articleId: string;
  analysts: string[];
  onBack(): void;
}

/** A unit is settled once the agreed set holds an annotation of its kind over its passage. */
function settledBy(unit: Unit, curated: readonly Annotation[]): Annotation | undefined {
  const present = unit.versions.filter((v): v is Annotation => v !== null);
  return curated.find((c) => c.kind === unit.kind && present.some((v) => c.target.start < v.target.end && v.target.start < c.target.end));
}

/**
 * One article side by side: each analyst's version of every unit, disagreements first. Accept a
 * version, merge the passage of one with the values of another, or accept every unit all agree
 * on; what is accepted becomes the agreed set (marked curated), editable in the reader.
 */
export function CurationView({ articleId, analysts, onBack }: Props) {
  const { reportError, setStatus } = useWorkbench();
  const nav = useNavigation();
  const data = useApiQuery('agreement:curation', { articleId, analysts }, { staleTime: 0 }).data;
  const { mutateAsync: curate, isPending } = useApiMutation('agreement:curate');
  const settle = async (items: { spanFrom: string; valuesFrom?: string }[], what: string) => {
    try {
      await curate({ articleId, items });
      setStatus(`${what} Undo with Ctrl+Z.`);
    } catch (failure) {
      reportError(failure);
    }
  };
  if (!data) return <p className="view-main muted">Loading…</p>;
  const open = data.units.filter((u) => !settledBy(u, data.curated));
  const agreed = open.filter((u) => u.differences.length === 0);
  const disagreements = data.units.filter((u) => u.differences.length > 0).length;
  return (
    <main className="view-main curation-view" aria-label="Curation">
      <div className="curation-head">
        <button type="button" onClick={onBack}>
          ← Back to figures
        </button>
        <h1>Curate “{data.article.title}”</h1>
      </div>
      <p>
        {data.units.length} {data.units.length === 1 ? 'unit' : 'units'}, {disagreements} with disagreements; {data.curated.length} in the agreed set. Analysts: {analysts.join(', ')}.
      </p>
      <div className="agreement-actions">
        <button type="button" className="primary" disabled={agreed.length === 0 || isPending} onClick={() => void settle(agreed.map((u) => ({ spanFrom: u.versions.find((v) => v)!.id })), agreed.length === 1 ? 'The agreed unit accepted.' : `${agreed.length} agreed units accepted.`)}>
          {agreed.length === 1 ? 'Accept the 1 agreed unit' : `Accept all ${agreed.length} agreed units`}
        </button>
      </div>
      <h2 id="curation-units-heading">Units, disagreements first</h2>
      <ol className="curation-units" aria-labelledby="curation-units-heading">
        {data.units.map((unit) => (
          <UnitView key={unit.versions.map((v) => v?.id ?? '-').join(':')} unit={unit} analysts={analysts} settled={settledBy(unit, data.curated)} busy={isPending} onSettle={settle} text={data.article.text} />
        ))}
      </ol>
      <h2>Agreed set</h2>
      {data.curated.length === 0 && <p className="muted">Nothing agreed yet.</p>}
      <ul className="curated-list" aria-label="Agreed set">
        {data.curated.map((c) => (
          <li key={c.id}>
            <strong>{ANNOTATION_KIND_LABELS[c.kind]}</strong> “{c.target.exact}”{' '}
            <button type="button" className="link-button" onClick={() => nav.open({ articleId, annotationId: c.id })}>
              Edit in reader
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function UnitView({ unit, analysts, settled, busy, onSettle, text }: { unit: Unit; analysts: string[]; settled: Annotation | undefined; busy: boolean; onSettle(items: { spanFrom: string; valuesFrom?: string }[], what: string): Promise<void>; text: string }) {
  const present = unit.versions.flatMap((v, i) => (v ? [{ v, name: analysts[i]! }] : []));
  const [spanFrom, setSpanFrom] = useState(present[0]!.v.id);
  const [valuesFrom, setValuesFrom] = useState(present[present.length - 1]!.v.id);
  const first = present[0]!.v;
  const label = `${ANNOTATION_KIND_LABELS[unit.kind]} “${clip(first.target.exact)}”`;
  return (
    <li className={`curation-unit${unit.differences.length ? ' disagrees' : ''}${settled ? ' settled' : ''}`} aria-label={label}>
      <h3>
        {label} — {settled ? 'settled' : unit.differences.length ? `differs: ${unit.differences.join(', ')}` : 'all agree'}
      </h3>
      <div className="curation-versions">
        {unit.versions.map((v, i) =>
          v ? (
            <Version key={v.id} annotation={v} name={analysts[i]!} differences={unit.differences} text={text} disabled={busy || Boolean(settled)} onAccept={() => void onSettle([{ spanFrom: v.id }], `${analysts[i]}’s version accepted.`)} />
          ) : (
            <div key={`none-${i}`} className="curation-version absent">
              {analysts[i]}: not marked
            </div>
          ),
        )}
      </div>
      {present.length >= 2 && !settled && (
        <div className="curation-merge">
          <label>
            Passage from{' '}
            <select value={spanFrom} onChange={(e) => setSpanFrom(e.target.value)} aria-label="Passage from">
              {present.map(({ v, name }) => (
                <option key={v.id} value={v.id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            values from{' '}
            <select value={valuesFrom} onChange={(e) => setValuesFrom(e.target.value)} aria-label="Values from">
              {present.map(({ v, name }) => (
                <option key={v.id} value={v.id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void onSettle([{ spanFrom, valuesFrom }], 'Versions merged.')}>
            Merge
          </button>
        </div>
      )}
    </li>
  );
}

function Version({ annotation: a, name, differences, text, disabled, onAccept }: { annotation: Annotation; name: string; differences: string[]; text: string; disabled: boolean; onAccept(): void }) {
  const { actorsById, tagsById } = useWorkbench();
  const actor = (id: string | null) => (id ? actorsById.get(id)?.name ?? '?' : '—');
  const mark = (field: string) => (differences.includes(field) ? 'differs' : undefined);
  const context = text.slice(Math.max(0, a.target.start - 30), a.target.start);
  return (
    <div className="curation-version" aria-label={`${name}’s version`}>
      <strong>{name}</strong>
      <blockquote className={mark('Passage')}>
        <span className="muted">…{context}</span>
        <mark className={`hl-${a.kind}`}>{a.target.exact}</mark>
      </blockquote>
      <dl>
        {a.kind === 'actor' && (
          <>
            <dt>Actor</dt>
            <dd className={mark('Actor')}>{actor(a.actorId)}</dd>
          </>
        )}
        {a.claim && (
          <>
            <dt>Speaker</dt>
            <dd className={mark('Speaker')}>{actor(a.claim.speakerId)}</dd>
            <dt>Grade</dt>
            <dd className={differences.includes('Reliability') || differences.includes('Credibility') ? 'differs' : undefined}>{gradeOf(a.claim)}</dd>
            <dt>Verification</dt>
            <dd className={mark('Verification')}>{VERIFICATION_LABELS[a.claim.verification]}</dd>
          </>
        )}
        <dt>Tags</dt>
        <dd className={mark('Tags')}>{a.tags.map((t) => tagsById.get(t)?.name ?? '?').join(', ') || '—'}</dd>
      </dl>
      <button type="button" disabled={disabled} onClick={onAccept}>
        Accept {name}’s version
      </button>
    </div>
  );
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
