import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { CREDIBILITY_LABELS, gradeOf, RELIABILITY_LABELS, VERIFICATION_LABELS, type ClaimDetails, type Credibility, type Reliability, type Verification } from '../../../src-shared/domain/claim';
import { apiKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import type { LibraryEntry } from '../dossier/entry-view';
import { LabelOptions } from '../../ui/label-options';
import { ClaimsTimeline } from '../timeline/claims-timeline';

type SortKey = 'speaker' | 'date' | 'source' | 'grade' | 'verification';
const TABLE = apiKey('claims:table', {});

/** Every claim in the library: sort, filter, and grade or verify in place. */
export function ClaimsView() {
  const client = useQueryClient();
  const nav = useNavigation();
  const { actorsById, tagsById, reportError, setStatus } = useWorkbench();
  const rows = useApiQuery('claims:table', {}).data ?? null;
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'date', up: true });
  const [speaker, setSpeaker] = useState('');
  const [verification, setVerification] = useState<Verification | ''>('');
  const [text, setText] = useState('');

  // Edits are shown at once and sent one after another (one mutation scope), so two quick
  // changes to one claim reach the store in order; a failed one shows why and reloads the table.
  const { mutate: save } = useApiMutation('annotations:update', {
    scope: 'claims-table',
    onSuccess: () => setStatus('Claim updated.'),
    onError: (failure) => {
      reportError(failure);
      void client.invalidateQueries({ queryKey: TABLE });
    },
  });

  const speakerName = useCallback((e: LibraryEntry) => (e.annotation.claim?.speakerId ? actorsById.get(e.annotation.claim.speakerId)?.name ?? '?' : ''), [actorsById]);
  const shown = useMemo(() => {
    const q = text.toLowerCase();
    const list = (rows ?? []).filter(
      (e) =>
        (!speaker || e.annotation.claim?.speakerId === speaker) &&
        (!verification || e.annotation.claim?.verification === verification) &&
        (!q || e.annotation.target.exact.toLowerCase().includes(q) || e.annotation.note.toLowerCase().includes(q)),
    );
    const value = (e: LibraryEntry): string => {
      const c = e.annotation.claim!;
      return { speaker: speakerName(e), date: e.published || '9999', source: e.source, grade: gradeOf(c), verification: c.verification }[sort.key];
    };
    return list.sort((a, b) => value(a).localeCompare(value(b)) * (sort.up ? 1 : -1));
  }, [rows, speaker, verification, text, sort, speakerName]);

  function update(entry: LibraryEntry, patch: Partial<ClaimDetails> | { note: string }): void {
    const id = entry.annotation.id;
    // The latest row in the cache, not the one a render captured: quick edits build on each other.
    const current = client.getQueryData<LibraryEntry[]>(TABLE)?.find((e) => e.annotation.id === id) ?? entry;
    const { links, ...details } = current.annotation.claim!;
    const note = 'note' in patch ? patch.note : current.annotation.note;
    const claim = 'note' in patch ? details : { ...details, ...patch };
    const next = { ...current, annotation: { ...current.annotation, note, claim: { ...claim, links } } };
    void client.cancelQueries({ queryKey: TABLE });
    client.setQueryData<LibraryEntry[]>(TABLE, (list) => list?.map((e) => (e.annotation.id === id ? next : e)));
    save({ articleId: entry.articleId, id, patch: { claim, note } });
  }

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : true })}>
        {label}
        {sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  const speakers = [...new Set((rows ?? []).map((e) => e.annotation.claim?.speakerId).filter((id): id is string => Boolean(id)))];
  return (
    <main className="view-main claims-view" aria-label="Claims">
      <div className="filters wide">
        <input type="search" aria-label="Filter claims by text" placeholder="Filter by text or note…" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Filter by speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
          <option value="">All speakers</option>
          {speakers.map((id) => (
            <option key={id} value={id}>
              {actorsById.get(id)?.name ?? id}
            </option>
          ))}
        </select>
        <select aria-label="Filter by verification" value={verification} onChange={(e) => setVerification(e.target.value as Verification | '')}>
          <option value="">Any verification</option>
          <LabelOptions labels={VERIFICATION_LABELS} />
        </select>
        <span className="muted">{rows ? `${shown.length} of ${rows.length} claims` : 'Loading…'}</span>
      </div>
      {rows && rows.length > 0 && <ClaimsTimeline entries={shown} />}
      <table className="claims-table">
        <thead>
          <tr>
            {header('speaker', 'Speaker')}
            <th scope="col">Claim</th>
            {header('date', 'Date')}
            {header('source', 'Source')}
            {header('grade', 'Grade')}
            {header('verification', 'Verification')}
            <th scope="col">Tags</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => {
            const c = e.annotation.claim!;
            const label = e.annotation.target.exact.slice(0, 40);
            return (
              <tr key={e.annotation.id}>
                <td>{speakerName(e) || <span className="muted">none</span>}</td>
                <td className="claim-cell" dir="auto">“{e.annotation.target.exact}”</td>
                <td className="nowrap">{e.published}</td>
                <td>{e.source}</td>
                <td className="nowrap">
                  <select aria-label={`Reliability of “${label}”`} value={c.reliability ?? ''} onChange={(ev) => update(e, { reliability: (ev.target.value || null) as Reliability | null })} title={c.reliability ? RELIABILITY_LABELS[c.reliability] : 'Not graded'}>
                    <option value="">–</option>
                    <LabelOptions labels={RELIABILITY_LABELS} format={(value) => value} />
                  </select>
                  <select aria-label={`Credibility of “${label}”`} value={c.credibility ?? ''} onChange={(ev) => update(e, { credibility: (ev.target.value ? Number(ev.target.value) : null) as Credibility | null })} title={c.credibility ? CREDIBILITY_LABELS[c.credibility] : 'Not graded'}>
                    <option value="">–</option>
                    <LabelOptions labels={CREDIBILITY_LABELS} format={(value) => value} />
                  </select>
                </td>
                <td>
                  <select aria-label={`Verification of “${label}”`} value={c.verification} onChange={(ev) => update(e, { verification: ev.target.value as Verification })}>
                    <LabelOptions labels={VERIFICATION_LABELS} />
                  </select>
                </td>
                <td>{e.annotation.tags.map((t) => tagsById.get(t)?.name).filter(Boolean).join(', ')}</td>
                <td>
                  <input aria-label={`Note on “${label}”`} defaultValue={e.annotation.note} key={e.annotation.note} onBlur={(ev) => ev.target.value !== e.annotation.note && update(e, { note: ev.target.value })} />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => nav.open({ articleId: e.articleId, annotationId: e.annotation.id })}>
                    Open
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows && rows.length === 0 && <p className="muted">No claims yet: select a statement in an article and press C.</p>}
    </main>
  );
}
