import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput, ClaimFilters, ClaimSortKey } from '../../../src-shared/contract';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, VERIFICATION_LABELS, type ClaimDetails, type Credibility, type Reliability, type Verification } from '../../../src-shared/domain/claim';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import type { LibraryEntry } from '../dossier/entry-view';
import { LabelOptions } from '../../ui/label-options';
import { useListOffset } from '../../ui/virtual-rows';
import { ClaimsTimeline } from '../timeline/claims-timeline';

type Page = ChannelOutput<'claims:table'>;
/** Rows asked for at a time: more than a screen, so that at most two pages are on screen at once. */
const PAGE = 100;
const ROW_HEIGHT = 44;
const TABLE_KEY = ['claims:table'] as const;

/** `value`, once it has stopped changing for `ms` (typing in the text filter asks once, not per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Every claim in the library: sort, filter, and grade or verify in place. The main process
 * filters and sorts and sends the rows page by page; only the rows in view are in the page.
 */
export function ClaimsView() {
  const client = useQueryClient();
  const nav = useNavigation();
  const { actorsById, tagsById, reportError, setStatus } = useWorkbench();
  const [sort, setSort] = useState<{ key: ClaimSortKey; up: boolean }>({ key: 'date', up: true });
  const [speaker, setSpeaker] = useState('');
  const [verification, setVerification] = useState<Verification | ''>('');
  const [text, setText] = useState('');
  const settledText = useSettled(text, 200);
  const filters = useMemo<ClaimFilters>(() => ({ ...(speaker ? { speakerId: speaker } : {}), ...(verification ? { verification } : {}), ...(settledText ? { text: settledText } : {}) }), [speaker, verification, settledText]);

  const scrollRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Where the first row starts in the scrolling element: the filters, the timeline and the
  // table's head sit above it, and the timeline's height changes as it loads.
  const margin = useListOffset(() => scrollRef.current, bodyRef);
  const first = useApiQuery('claims:table', { filters, sort, offset: 0, limit: PAGE }, { keepPrevious: true }).data ?? null;
  const total = first?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / PAGE);
  const pageA = useApiQuery('claims:table', { filters, sort, offset: firstPage * PAGE, limit: PAGE }, { enabled: firstPage > 0 }).data;
  const pageB = useApiQuery('claims:table', { filters, sort, offset: lastPage * PAGE, limit: PAGE }, { enabled: lastPage > 0 && lastPage !== firstPage }).data;
  const rowAt = (index: number): LibraryEntry | undefined => {
    const page = Math.floor(index / PAGE);
    const data = page === 0 ? first : page === firstPage ? pageA : page === lastPage ? pageB : undefined;
    return data?.entries[index - page * PAGE];
  };
  const timeline = useApiQuery('claims:timeline', { filters }, { keepPrevious: true }).data;

  // Edits are shown at once and sent one after another (one mutation scope), so two quick
  // changes to one claim reach the store in order; a failed one shows why and reloads the table.
  const { mutate: save } = useApiMutation('annotations:update', {
    scope: 'claims-table',
    onSuccess: () => setStatus('Claim updated.'),
    onError: (failure) => {
      reportError(failure);
      void client.invalidateQueries({ queryKey: TABLE_KEY });
    },
  });

  const speakerName = useCallback((e: LibraryEntry) => (e.annotation.claim?.speakerId ? actorsById.get(e.annotation.claim.speakerId)?.name ?? '?' : ''), [actorsById]);

  function update(entry: LibraryEntry, patch: Partial<ClaimDetails> | { note: string }): void {
    const id = entry.annotation.id;
    // The latest row in the cache, not the one a render captured: quick edits build on each other.
    const cached = client.getQueriesData<Page>({ queryKey: TABLE_KEY }).flatMap(([, page]) => page?.entries ?? []);
    const current = cached.find((e) => e.annotation.id === id) ?? entry;
    const { links, ...details } = current.annotation.claim!;
    const note = 'note' in patch ? patch.note : current.annotation.note;
    const claim = 'note' in patch ? details : { ...details, ...patch };
    const next = { ...current, annotation: { ...current.annotation, note, claim: { ...claim, links } } };
    void client.cancelQueries({ queryKey: TABLE_KEY });
    client.setQueriesData<Page>({ queryKey: TABLE_KEY }, (page) => page && { ...page, entries: page.entries.map((e) => (e.annotation.id === id ? next : e)) });
    save({ articleId: entry.articleId, id, patch: { claim, note } });
  }

  const header = (key: ClaimSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : true })}>
        {label}
        {sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  const top = items.length > 0 ? items[0]!.start - margin : 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - margin) : 0;
  return (
    <main className="view-main claims-view" aria-label="Claims" ref={scrollRef}>
      <div className="filters wide">
        <input type="search" aria-label="Filter claims by text" placeholder="Filter by text or note…" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Filter by speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
          <option value="">All speakers</option>
          {(first?.speakers ?? []).map((id) => (
            <option key={id} value={id}>
              {actorsById.get(id)?.name ?? id}
            </option>
          ))}
        </select>
        <select aria-label="Filter by verification" value={verification} onChange={(e) => setVerification(e.target.value as Verification | '')}>
          <option value="">Any verification</option>
          <LabelOptions labels={VERIFICATION_LABELS} />
        </select>
        <span className="muted">{first ? `${first.total.toLocaleString()} of ${first.claims.toLocaleString()} claims` : 'Loading…'}</span>
      </div>
      {first && first.claims > 0 && timeline && <ClaimsTimeline claims={timeline.claims} total={timeline.total} undated={timeline.undated} />}
      <table className="claims-table" aria-rowcount={total + 1}>
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
        <tbody ref={bodyRef}>
          {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
          {items.map((item) => {
            const e = rowAt(item.index);
            if (!e) {
              return (
                <tr key={`loading-${item.index}`} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                  <td colSpan={9} className="muted">
                    Loading…
                  </td>
                </tr>
              );
            }
            const c = e.annotation.claim!;
            const label = e.annotation.target.exact.slice(0, 40);
            return (
              <tr key={e.annotation.id} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
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
          {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
        </tbody>
      </table>
      {first && first.claims === 0 && <p className="muted">No claims yet: select a statement in an article and press C.</p>}
    </main>
  );
}
