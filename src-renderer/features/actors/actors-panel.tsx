import { useState } from 'react';
import { useWorkbench, type ActorEntry } from '../../app/workbench-context';
import { ACTOR_KIND_LABELS } from '../../ui/labels';
import { ActorDetails } from './actor-details';

/** The project's actor registry, most mentioned first. */
export function ActorsPanel() {
  const { project } = useWorkbench();
  const [openId, setOpenId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const query = filter.trim().toLowerCase();
  const actors = [...project.actors]
    .filter((a) => !query || [a.name, ...a.aliases, a.description].some((s) => s.toLowerCase().includes(query)))
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));

  return (
    <section className="panel" aria-label="Actors">
      <h2 className="panel-heading">
        Actors <span className="count">{project.actors.length}</span>
      </h2>
      {project.actors.length === 0 ? (
        <p className="muted panel-body">No actors yet. Select a name in the article and choose Actor (A).</p>
      ) : (
        <>
          <input className="panel-filter" type="search" aria-label="Filter actors" placeholder="Filter actors…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="actor-list">
            {actors.map((actor) => (
              <li key={actor.id}>
                <button type="button" className="actor-entry" aria-expanded={openId === actor.id} onClick={() => setOpenId(openId === actor.id ? null : actor.id)}>
                  <span className="actor-name">{actor.name}</span>
                  <span className="actor-meta">{summary(actor)}</span>
                  <span className="actor-count" aria-label={`${actor.mentionCount} mentions`}>
                    {actor.mentionCount}
                  </span>
                </button>
                {openId === actor.id && <ActorDetails actor={actor} onGone={() => setOpenId(null)} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function summary(actor: ActorEntry): string {
  return [ACTOR_KIND_LABELS[actor.kind], actor.description, actor.claimCount ? `${actor.claimCount} claims` : ''].filter(Boolean).join(' · ');
}
