import { useState, type FormEvent } from 'react';
import type { ActorKind } from '../../../src-shared/domain/actor';
import { useApiMutation } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { Combobox } from '../../ui/combobox';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';
import { ACTOR_KIND_LABELS, keysOf } from '../../ui/labels';

interface Props {
  articleId: string;
  range: { start: number; end: number; exact: string };
  onClose(): void;
  onSaved(annotationId: string): void;
}

/** Marks the selection as a mention of an actor: an existing one, or a new one named by it. */
export function ActorPickerDialog({ articleId, range, onClose, onSaved }: Props) {
  const { project } = useWorkbench();
  const { mutateAsync: mark } = useApiMutation('annotations:create');
  const guess = project.actors.find((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase() === range.exact.toLowerCase()));
  const [actorId, setActorId] = useState<string | null>(guess?.id ?? null);
  const [creating, setCreating] = useState<string | null>(null);
  const [kind, setKind] = useState<ActorKind>('person');
  const [description, setDescription] = useState('');
  const [affiliationId, setAffiliationId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const options = project.actors.map((a) => ({ id: a.id, label: a.name, detail: a.description || ACTOR_KIND_LABELS[a.kind], keywords: a.aliases }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!creating && !actorId) {
      setError('Pick an actor from the list, or choose “Create new actor”.');
      return;
    }
    setSaving(true);
    try {
      const created = await mark({
        articleId,
        start: range.start,
        end: range.end,
        exact: range.exact,
        kind: 'actor',
        ...(creating ? { newActor: { name: creating, kind, description, affiliationId } } : { actorId: actorId! }),
      });
      onSaved(created.id);
    } catch (failure) {
      setError(messageOf(failure));
      setSaving(false);
    }
  }

  return (
    <Modal title="Mark actor" onClose={onClose}>
      <form onSubmit={save} noValidate>
        <p className="dialog-quote">“{range.exact}”</p>
        <div className="form-grid">
          <label>Actor</label>
          <Combobox
            label="Actor"
            options={options}
            value={actorId}
            initialText={guess?.name ?? range.exact}
            autoFocus
            startOpen
            onChange={(id) => {
              setActorId(id);
              setCreating(null);
            }}
            onCreate={(text) => {
              setCreating(text);
              setActorId(null);
            }}
            createLabel={(text) => `Create new actor “${text}”`}
          />
          {creating && (
            <>
              <span className="form-note">New actor</span>
              <strong>{creating}</strong>
              <label htmlFor="ap-kind">Kind</label>
              <select id="ap-kind" value={kind} onChange={(e) => setKind(e.target.value as ActorKind)}>
                {keysOf(ACTOR_KIND_LABELS).map((k) => (
                  <option key={k} value={k}>
                    {ACTOR_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
              <label htmlFor="ap-description">Description</label>
              <input id="ap-description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="e.g. Foreign Minister of Caldonia" />
              <label htmlFor="ap-affiliation">Affiliation</label>
              <select id="ap-affiliation" value={affiliationId ?? ''} onChange={(e) => setAffiliationId(e.target.value || null)}>
                <option value="">None</option>
                {project.actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <DialogFooter error={error} onCancel={onClose} submitLabel="Save" busy={saving} />
      </form>
    </Modal>
  );
}
