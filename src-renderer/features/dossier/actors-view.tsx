import { useEffect, useRef } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useWorkbench } from '../../app/workbench-context';
import { ACTOR_KIND_LABELS } from '../../ui/labels';
import { useSaveFile } from '../export/use-save-file';
import { ClaimsTimeline } from '../timeline/claims-timeline';
import { ActorList } from './actor-list';
import { DossierEntries } from './dossier-entries';
import { AuthorshipLine } from '../../ui/authorship-line';

/** One view per actor: who they are, and every mention and claim across the library, by date. */
export function ActorsView({ actorId, onSelect }: { actorId: string | null; onSelect(id: string): void }) {
  const api = useApi();
  const { project, reportError } = useWorkbench();
  const save = useSaveFile();
  const mainRef = useRef<HTMLElement>(null);
  const chosen = actorId ?? [...project.actors].sort((a, b) => b.mentionCount - a.mentionCount)[0]?.id ?? null;

  const dossier = useApiQuery('actors:dossier', { actorId: chosen ?? '' }, { enabled: chosen !== null }).data ?? null;
  // The timeline shows the actor's claims and the claims of others linked to them (a contradiction
  // needs both ends), chosen by the main process.
  const timeline = useApiQuery('claims:timeline', { filters: { speakerId: chosen ?? '' }, withLinked: true }, { enabled: chosen !== null }).data;
  // Another actor's dossier starts at its top, not where the last one was scrolled to.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [chosen]);

  async function exportDossier(): Promise<void> {
    if (!chosen) return;
    try {
      const { fileName, markdown } = await api.call('reports:markdown', { scope: { kind: 'actor', actorId: chosen } });
      await save(fileName, markdown, 'text/markdown');
    } catch (failure) {
      reportError(failure);
    }
  }

  const claims = dossier?.entries.filter((e) => e.annotation.claim && e.annotation.claim.speakerId === chosen) ?? [];
  const mentions = dossier?.entries.filter((e) => e.annotation.kind === 'actor') ?? [];

  return (
    <div className="view-split">
      <ActorList actors={project.actors} chosen={chosen} onSelect={onSelect} />
      <main className="view-main dossier" aria-label="Actor dossier" ref={mainRef}>
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
            {chosen && <DossierEntries entries={dossier.entries} speakerId={chosen} />}
          </>
        )}
      </main>
    </div>
  );
}
