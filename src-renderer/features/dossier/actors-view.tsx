import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useWorkbench } from '../../app/workbench-context';
import { ACTOR_KIND_LABELS } from '../../ui/labels';
import { useSaveFile } from '../export/use-save-file';
import { ClaimsTimeline } from '../timeline/claims-timeline';
import { EntryView } from './entry-view';
import { AuthorshipLine } from '../../ui/authorship-line';

/** One view per actor: who they are, and every mention and claim across the library, by date. */
export function ActorsView({ actorId, onSelect }: { actorId: string | null; onSelect(id: string): void }) {
  const api = useApi();
  const { project, reportError } = useWorkbench();
  const save = useSaveFile();
  const [filter, setFilter] = useState('');
  const chosen = actorId ?? [...project.actors].sort((a, b) => b.mentionCount - a.mentionCount)[0]?.id ?? null;

  const dossier = useApiQuery('actors:dossier', { actorId: chosen ?? '' }, { enabled: chosen !== null }).data ?? null;
  // The timeline shows the actor's claims and the claims of others linked to them (a contradiction
  // needs both ends), chosen by the main process.
  const timeline = useApiQuery('claims:timeline', { filters: { speakerId: chosen ?? '' }, withLinked: true }, { enabled: chosen !== null }).data;

  async function exportDossier(): Promise<void> {
    if (!chosen) return;
    try {
      const { fileName, markdown } = await api.call('reports:markdown', { scope: { kind: 'actor', actorId: chosen } });
      await save(fileName, markdown, 'text/markdown');
    } catch (failure) {
      reportError(failure);
    }
  }

  const q = filter.toLowerCase();
  const actors = [...project.actors].filter((a) => !q || [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(q))).sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const claims = dossier?.entries.filter((e) => e.annotation.claim && e.annotation.claim.speakerId === chosen) ?? [];
  const mentions = dossier?.entries.filter((e) => e.annotation.kind === 'actor') ?? [];
  const byDate = new Map<string, NonNullable<typeof dossier>['entries']>();
  for (const entry of dossier?.entries ?? []) byDate.set(entry.published || 'Undated', [...(byDate.get(entry.published || 'Undated') ?? []), entry]);

  return (
    <div className="view-split">
      <nav className="view-list" aria-label="Actor list">
        <input type="search" aria-label="Filter actors" placeholder="Filter actors…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul>
          {actors.map((a) => (
            <li key={a.id}>
              <button type="button" aria-current={a.id === chosen} className={a.id === chosen ? 'selected' : undefined} onClick={() => onSelect(a.id)}>
                <span>{a.name}</span>
                <span className="muted">
                  {a.mentionCount} {a.mentionCount === 1 ? 'mention' : 'mentions'} · {a.claimCount} {a.claimCount === 1 ? 'claim' : 'claims'}
                </span>
              </button>
            </li>
          ))}
          {actors.length === 0 && <li className="muted">No actors yet: mark them in an article (select a name, press A).</li>}
        </ul>
      </nav>
      <main className="view-main dossier" aria-label="Actor dossier">
        {!chosen && <p className="muted">No actors yet.</p>}
        {chosen && !dossier && <p className="muted">Loading…</p>}
        {dossier && (
          <>
            <header className="dossier-head">
              <h1>{dossier.actor.name}</h1>
              <p>
                {ACTOR_KIND_LABELS[dossier.actor.kind]}
                {dossier.actor.description && ` · ${dossier.actor.description}`}
                {dossier.affiliation && ` · belongs to ${dossier.affiliation}`}
              </p>
              {dossier.actor.aliases.length > 0 && <p className="muted">Also named: {dossier.actor.aliases.join(', ')}</p>}
              {dossier.members.length > 0 && <p className="muted">Members: {dossier.members.join(', ')}</p>}
              {dossier.actor.note && <p className="dossier-note">{dossier.actor.note}</p>}
              <AuthorshipLine item={dossier.actor} label="Actor authorship" />
              <p>
                {mentions.length} mentions and {claims.length} claims in {new Set(dossier.entries.map((e) => e.articleId)).size} articles.{' '}
                <button type="button" onClick={() => void exportDossier()}>
                  Export dossier as Markdown
                </button>
              </p>
            </header>
            {timeline && timeline.total > 0 && <ClaimsTimeline claims={timeline.claims} total={timeline.total} undated={timeline.undated} label={`Claims timeline of ${dossier.actor.name}`} />}
            <ol className="timeline" aria-label="Timeline">
              {[...byDate].map(([date, entries]) => (
                <li key={date}>
                  <h2 className="timeline-date">{date}</h2>
                  {entries.map((entry) => (
                    <EntryView key={entry.annotation.id} entry={entry} showLinks={entry.annotation.claim?.speakerId === chosen} />
                  ))}
                </li>
              ))}
            </ol>
          </>
        )}
      </main>
    </div>
  );
}
