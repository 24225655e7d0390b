import { useState, type FormEvent } from 'react';
import type { ActorKind } from '../../../src-shared/domain/actor';
import type { ChannelInput } from '../../../src-shared/contract';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { useWorkbench, type ActorEntry } from '../../app/workbench-context';
import { ACTOR_KIND_LABELS, keysOf } from '../../ui/labels';


/** Edit, merge, delete an actor, and find its unmarked mentions. */
export function ActorDetails({ actor, onGone }: { actor: ActorEntry; onGone(): void }) {
  const { project, session } = useWorkbench();
  const run = useChange();
  const { mutateAsync: updateActor } = useApiMutation('actors:update');
  const { mutateAsync: acceptMentions } = useApiMutation('actors:accept-mentions');
  const { mutateAsync: mergeActor } = useApiMutation('actors:merge');
  const { mutateAsync: deleteActor } = useApiMutation('actors:delete');
  const [fields, setFields] = useState({
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases.join(', '),
    description: actor.description,
    affiliationId: actor.affiliationId ?? '',
    note: actor.note,
  });
  const [mergeInto, setMergeInto] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Where to look for unmarked mentions; the answer is read through the cache, so it follows changes.
  const [finding, setFinding] = useState<ChannelInput<'actors:find-mentions'> | null>(null);
  const found = useApiQuery('actors:find-mentions', finding ?? { actorId: actor.id }, { enabled: finding !== null }).data ?? null;
  const shown = finding ? found : null;
  // Unticked occurrences, by position: everything found starts ticked.
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const mentionKey = (m: { articleId: string; start: number }) => `${m.articleId}:${m.start}`;
  const chosen = new Set((shown ?? []).flatMap((m, i) => (unticked.has(mentionKey(m)) ? [] : [i])));
  const others = project.actors.filter((a) => a.id !== actor.id);

  function save(event: FormEvent): void {
    event.preventDefault();
    void run(
      () =>
        updateActor({
          id: actor.id,
          fields: {
            name: fields.name,
            kind: fields.kind,
            aliases: fields.aliases.split(',').map((a) => a.trim()).filter(Boolean),
            description: fields.description,
            affiliationId: fields.affiliationId || null,
            note: fields.note,
          },
        }),
      `Saved ${fields.name}.`,
    );
  }

  function find(scope: 'article' | 'library'): void {
    setUnticked(new Set());
    setFinding({ actorId: actor.id, ...(scope === 'article' && session ? { articleId: session.article.id } : {}) });
  }

  async function accept(indices: number[]): Promise<void> {
    if (!shown || indices.length === 0) return;
    const mentions = indices.map((i) => shown[i]!).map((m) => ({ articleId: m.articleId, start: m.start, end: m.end }));
    if (await run(() => acceptMentions({ actorId: actor.id, mentions }), `Marked ${mentions.length} mention${mentions.length === 1 ? '' : 's'} of ${actor.name}.`)) setFinding(null);
  }

  const id = (name: string) => `actor-${actor.id}-${name}`;
  return (
    <div className="actor-details" ref={(node) => node?.scrollIntoView({ block: 'nearest' })}>
      <form onSubmit={save} className="form-grid compact" aria-label={`Edit ${actor.name}`}>
        <label htmlFor={id('name')}>Name</label>
        <input id={id('name')} value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} />
        <label htmlFor={id('kind')}>Kind</label>
        <select id={id('kind')} value={fields.kind} onChange={(e) => setFields({ ...fields, kind: e.target.value as ActorKind })}>
          {keysOf(ACTOR_KIND_LABELS).map((k) => (
            <option key={k} value={k}>
              {ACTOR_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={id('aliases')}>Aliases</label>
        <input id={id('aliases')} value={fields.aliases} onChange={(e) => setFields({ ...fields, aliases: e.target.value })} placeholder="comma-separated" />
        <label htmlFor={id('description')}>Description</label>
        <input id={id('description')} value={fields.description} onChange={(e) => setFields({ ...fields, description: e.target.value })} />
        <label htmlFor={id('affiliation')}>Affiliation</label>
        <select id={id('affiliation')} value={fields.affiliationId} onChange={(e) => setFields({ ...fields, affiliationId: e.target.value })}>
          <option value="">None</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('note')}>Actor note</label>
        <textarea id={id('note')} rows={2} value={fields.note} onChange={(e) => setFields({ ...fields, note: e.target.value })} />
        <span />
        <button type="submit">Update actor</button>
      </form>

      <div className="actor-actions">
        <button type="button" onClick={() => find('article')} disabled={!session}>
          Find mentions in this article
        </button>
        <button type="button" onClick={() => find('library')}>
          Find mentions in library
        </button>
      </div>

      {shown && (
        <div className="found" role="group" aria-label="Unmarked mentions">
          <p>{shown.length === 0 ? 'No unmarked mentions found.' : `${shown.length} unmarked mention${shown.length === 1 ? '' : 's'}:`}</p>
          <ul>
            {shown.map((m, i) => (
              <li key={`${m.articleId}-${m.start}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(i)}
                    onChange={(e) => {
                      const next = new Set(unticked);
                      if (e.target.checked) next.delete(mentionKey(m));
                      else next.add(mentionKey(m));
                      setUnticked(next);
                    }}
                  />
                  <span className="kwic">
                    …{m.before}
                    <strong>{m.exact}</strong>
                    {m.after}…
                  </span>
                  {(!session || m.articleId !== session.article.id) && <span className="muted"> — {m.articleTitle}</span>}
                </label>
              </li>
            ))}
          </ul>
          {shown.length > 0 && (
            <div className="actor-actions">
              <button type="button" onClick={() => void accept([...chosen])} disabled={chosen.size === 0}>
                Accept selected ({chosen.size})
              </button>
              <button type="button" onClick={() => void accept(shown.map((_, i) => i))}>
                Accept all
              </button>
            </div>
          )}
        </div>
      )}

      <div className="actor-actions">
        <select aria-label={`Merge ${actor.name} into`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!mergeInto}
          onClick={() => void run(() => mergeActor({ survivorId: mergeInto, mergedId: actor.id }), `Merged ${actor.name}.`).then((ok) => ok && onGone())}
        >
          Merge
        </button>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Remove actor…
        </button>
      </div>
      {confirmDelete && (
        <div className="confirm" role="alertdialog" aria-label={`Delete ${actor.name}`}>
          <p>
            Delete <strong>{actor.name}</strong>? It has {actor.mentionCount} marked mention{actor.mentionCount === 1 ? '' : 's'}
            {actor.claimCount ? ` and speaks ${actor.claimCount} claim${actor.claimCount === 1 ? '' : 's'} (they keep their text, without a speaker)` : ''}.
          </p>
          <button type="button" className="danger" onClick={() => void run(() => deleteActor({ id: actor.id, mentions: 'delete' }), `Deleted ${actor.name} and its mentions.`).then((ok) => ok && onGone())}>
            Delete actor and mentions
          </button>
          <button type="button" onClick={() => void run(() => deleteActor({ id: actor.id, mentions: 'keep-as-highlights' }), `Deleted ${actor.name}; mentions kept as highlights.`).then((ok) => ok && onGone())}>
            Keep mentions as highlights
          </button>
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
