import { useState, type FormEvent } from 'react';
import { useApiMutation } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { useWorkbench, type TagEntry } from '../../app/workbench-context';
import { TAG_PALETTE } from '../../ui/tag-palette';


/** The codebook: tags with colours, hierarchy and hotkeys 1–9. */
export function CodebookPanel() {
  const { project } = useWorkbench();
  const run = useChange();
  const { mutateAsync: createTag } = useApiMutation('tags:create');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);

  const usedKeys = new Set(project.tags.map((t) => t.hotkey).filter((k): k is number => k !== null));
  const nextKey = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((k) => !usedKeys.has(k)) ?? null;

  function add(event: FormEvent): void {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const color = TAG_PALETTE[project.tags.length % TAG_PALETTE.length]!;
    void run(() => createTag({ name: trimmed, color, hotkey: nextKey }), `Added tag ${trimmed}${nextKey ? ` (key ${nextKey})` : ''}.`).then((ok) => ok && setName(''));
  }

  // Parents before their children, children indented under them.
  const ordered: { tag: TagEntry; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const tag of project.tags.filter((t) => t.parentId === parentId).sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push({ tag, depth });
      visit(tag.id, depth + 1);
    }
  };
  visit(null, 0);

  return (
    <section className="panel" aria-label="Codebook">
      <h2 className="panel-heading">
        Codebook <span className="count">{project.tags.length}</span>
      </h2>
      <form className="inline-form" onSubmit={add}>
        <input aria-label="New tag name" placeholder="New tag…" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Add tag
        </button>
      </form>
      <ul className="tag-list">
        {ordered.map(({ tag, depth }) => (
          <li key={tag.id} style={{ paddingLeft: depth * 14 }}>
            <button type="button" className="tag-entry" aria-expanded={editing === tag.id} onClick={() => setEditing(editing === tag.id ? null : tag.id)}>
              <span className="swatch" style={{ background: tag.color }} aria-hidden />
              <span className="tag-name">{tag.name}</span>
              {tag.hotkey && <kbd aria-label={`hotkey ${tag.hotkey}`}>{tag.hotkey}</kbd>}
              <span className="actor-count" aria-label={`used ${tag.usageCount} times`}>
                {tag.usageCount}
              </span>
            </button>
            {editing === tag.id && <TagEditor tag={tag} run={run} onGone={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TagEditor({ tag, run, onGone }: { tag: TagEntry; run: (task: () => Promise<unknown>, message: string) => Promise<boolean>; onGone(): void }) {
  const { project } = useWorkbench();
  const { mutateAsync: updateTag } = useApiMutation('tags:update');
  const { mutateAsync: mergeTag } = useApiMutation('tags:merge');
  const { mutateAsync: deleteTag } = useApiMutation('tags:delete');
  const [fields, setFields] = useState({ name: tag.name, color: tag.color, parentId: tag.parentId ?? '', hotkey: tag.hotkey ? String(tag.hotkey) : '' });
  const [mergeInto, setMergeInto] = useState('');
  const [confirm, setConfirm] = useState(false);
  const others = project.tags.filter((t) => t.id !== tag.id);
  const id = (n: string) => `tag-${tag.id}-${n}`;

  function save(event: FormEvent): void {
    event.preventDefault();
    void run(
      () => updateTag({ id: tag.id, fields: { name: fields.name, color: fields.color, parentId: fields.parentId || null, hotkey: fields.hotkey ? Number(fields.hotkey) : null } }),
      `Saved tag ${fields.name}.`,
    );
  }

  return (
    <div className="tag-editor">
      <form className="form-grid compact" onSubmit={save} aria-label={`Edit tag ${tag.name}`}>
        <label htmlFor={id('name')}>Name</label>
        <input id={id('name')} value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} />
        <label htmlFor={id('color')}>Colour</label>
        <input id={id('color')} type="color" value={fields.color} onChange={(e) => setFields({ ...fields, color: e.target.value })} />
        <label htmlFor={id('parent')}>Parent</label>
        <select id={id('parent')} value={fields.parentId} onChange={(e) => setFields({ ...fields, parentId: e.target.value })}>
          <option value="">None (top level)</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <label htmlFor={id('hotkey')}>Hotkey</label>
        <select id={id('hotkey')} value={fields.hotkey} onChange={(e) => setFields({ ...fields, hotkey: e.target.value })}>
          <option value="">None</option>
          {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <span />
        <button type="submit">Update tag</button>
      </form>
      <div className="actor-actions">
        <select aria-label={`Merge ${tag.name} into`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!mergeInto} onClick={() => void run(() => mergeTag({ survivorId: mergeInto, mergedId: tag.id }), `Merged ${tag.name}.`).then((ok) => ok && onGone())}>
          Merge
        </button>
        <button type="button" className="danger" onClick={() => setConfirm(true)}>
          Remove tag…
        </button>
      </div>
      {confirm && (
        <div className="confirm" role="alertdialog" aria-label={`Delete tag ${tag.name}`}>
          <p>
            Delete <strong>{tag.name}</strong>? It is used on {tag.usageCount} annotation{tag.usageCount === 1 ? '' : 's'}; they keep their text and lose this tag.
          </p>
          <button type="button" className="danger" onClick={() => void run(() => deleteTag({ id: tag.id }), `Deleted tag ${tag.name}.`).then((ok) => ok && onGone())}>
            Remove tag
          </button>
          <button type="button" onClick={() => setConfirm(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
