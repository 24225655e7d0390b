import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CREDIBILITY_LABELS, gradeOf, RELIABILITY_LABELS, VERIFICATION_LABELS, type ClaimDetails, type Credibility, type Reliability, type Verification } from '../../../src-shared/domain/claim';
import { useApi } from '../../api/api-context';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import type { LibraryEntry } from '../dossier/entry-view';

type SortKey = 'speaker' | 'date' | 'source' | 'grade' | 'verification';

/** Every claim in the library: sort, filter, and grade or verify in place. */
export function ClaimsView() {
  const api = useApi();
  const nav = useNavigation();
  const { actorsById, tagsById, reportError, setStatus, changed } = useWorkbench();
  const [rows, setRows] = useState<LibraryEntry[] | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'date', up: true });
  const [speaker, setSpeaker] = useState('');
  const [verification, setVerification] = useState<Verification | ''>('');
  const [text, setText] = useState('');

  const load = useCallback(() => api.call('claims:table', {}).then(setRows, reportError), [api, reportError]);
  useEffect(() => void load(), [load]);

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

  // Edits apply to the latest row (not the one a render captured) and are sent one after
  // another, so two quick changes to one claim cannot overwrite each other.
  const latest = useRef<LibraryEntry[] | null>(null);
  latest.current = rows;
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  function update(entry: LibraryEntry, patch: Partial<ClaimDetails> | { note: string }): void {
    const id = entry.annotation.id;
    const current = latest.current?.find((e) => e.annotation.id === id) ?? entry;
    const { links, ...details } = current.annotation.claim!;
    const note = 'note' in patch ? patch.note : current.annotation.note;
    const claim = 'note' in patch ? details : { ...details, ...patch };
    const next = { ...current, annotation: { ...current.annotation, note, claim: { ...claim, links } } };
    const updated = (latest.current ?? []).map((e) => (e.annotation.id === id ? next : e));
    latest.current = updated;
    setRows(updated);
    queue.current = queue.current.then(async () => {
      try {
        await api.call('annotations:update', { articleId: entry.articleId, id, patch: { claim, note } });
        await changed({ article: true, library: true });
        setStatus('Claim updated.');
      } catch (failure) {
        reportError(failure);
        await load();
      }
    });
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
    <section className="view-main claims-view" aria-label="Claims">
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
          {Object.entries(VERIFICATION_LABELS).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <span className="muted">{rows ? `${shown.length} of ${rows.length} claims` : 'Loading…'}</span>
      </div>
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
                <td className="claim-cell">“{e.annotation.target.exact}”</td>
                <td>{e.published}</td>
                <td>{e.source}</td>
                <td>
                  <select aria-label={`Reliability of “${label}”`} value={c.reliability ?? ''} onChange={(ev) => update(e, { reliability: (ev.target.value || null) as Reliability | null })} title={c.reliability ? RELIABILITY_LABELS[c.reliability] : 'Not graded'}>
                    <option value="">–</option>
                    {Object.keys(RELIABILITY_LABELS).map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <select aria-label={`Credibility of “${label}”`} value={c.credibility ?? ''} onChange={(ev) => update(e, { credibility: (ev.target.value ? Number(ev.target.value) : null) as Credibility | null })} title={c.credibility ? CREDIBILITY_LABELS[c.credibility] : 'Not graded'}>
                    <option value="">–</option>
                    {Object.keys(CREDIBILITY_LABELS).map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select aria-label={`Verification of “${label}”`} value={c.verification} onChange={(ev) => update(e, { verification: ev.target.value as Verification })}>
                    {Object.entries(VERIFICATION_LABELS).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
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
    </section>
  );
}
