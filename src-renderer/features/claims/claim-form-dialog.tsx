import { useState, type FormEvent } from 'react';
import { suggestSpeaker } from '../../../src-shared/claims/suggest-speaker';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { Annotation } from '../../../src-shared/domain/annotation';
import {
  CLAIM_FORM_LABELS,
  CREDIBILITY_LABELS,
  RELIABILITY_LABELS,
  VERIFICATION_LABELS,
  type ClaimDetails,
  type ClaimForm,
  type ClaimLinkType,
  type Credibility,
  type Reliability,
  type Verification,
} from '../../../src-shared/domain/claim';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useChange } from '../../app/use-change';
import { useWorkbench } from '../../app/workbench-context';
import { Combobox } from '../../ui/combobox';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';
import { LabelOptions } from '../../ui/label-options';

interface Props {
  /** A new claim on this passage… */
  range?: { start: number; end: number; exact: string };
  /** …or an existing claim to edit. */
  annotation?: Annotation;
  onClose(): void;
  onSaved(annotationId: string): void;
}

const MEDIA = ['statement', 'social media post', 'interview', 'briefing', 'press conference', 'speech', 'remarks to reporters', 'document'];
const LINK_LABELS: Record<ClaimLinkType, string> = { supports: 'supports', contradicts: 'contradicts', repeats: 'repeats' };

/** The claim form: speaker, form, medium, topic tags, Admiralty grade, verification, note, links. */
export function ClaimFormDialog({ range, annotation, onClose, onSaved }: Props) {
  const { project, session, tagsById } = useWorkbench();
  const { mutateAsync: create } = useApiMutation('annotations:create');
  const { mutateAsync: update } = useApiMutation('annotations:update');
  const article = session!.article;
  const existing = annotation?.claim ?? null;
  const passage = annotation ? annotation.target : range!;

  const [details, setDetails] = useState<ClaimDetails>(() => {
    if (existing) {
      const { links: _links, ...rest } = existing;
      return rest;
    }
    const mentions = session!.annotations
      .filter((a) => a.kind === 'actor' && a.actorId && a.anchor === 'anchored')
      .map((a) => ({ actorId: a.actorId!, start: a.target.start, end: a.target.end }));
    return {
      speakerId: suggestSpeaker(article.text, passage.start, passage.end, mentions),
      form: isQuoted(article.text, passage.start, passage.end) ? 'direct-quote' : 'paraphrase',
      medium: '',
      reliability: null,
      credibility: null,
      verification: 'unverified',
    };
  });
  const [tags, setTags] = useState<string[]>(annotation?.tags ?? []);
  const [note, setNote] = useState(annotation?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ClaimDetails>(key: K, value: ClaimDetails[K]) => setDetails((d) => ({ ...d, [key]: value }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = annotation
        ? await update({ articleId: article.id, id: annotation.id, patch: { claim: details, tags, note } })
        : await create({ articleId: article.id, start: range!.start, end: range!.end, exact: range!.exact, kind: 'claim', claim: details, tags, note });
      onSaved(saved.id);
    } catch (failure) {
      setError(messageOf(failure));
      setSaving(false);
    }
  }

  const actorOptions = project.actors.map((a) => ({ id: a.id, label: a.name, detail: a.description, keywords: a.aliases }));
  return (
    <Modal title={annotation ? 'Edit claim' : 'New claim'} onClose={onClose} wide>
      <form onSubmit={save} noValidate>
        <p className="dialog-quote">“{passage.exact}”</p>
        <div className="form-grid">
          <label>Speaker</label>
          <Combobox label="Speaker" options={actorOptions} value={details.speakerId} onChange={(id) => set('speakerId', id)} allowNone autoFocus />
          <label htmlFor="cf-form">Form</label>
          <select id="cf-form" value={details.form} onChange={(e) => set('form', e.target.value as ClaimForm)}>
            <LabelOptions labels={CLAIM_FORM_LABELS} />
          </select>
          <label htmlFor="cf-medium">Medium</label>
          <input id="cf-medium" list="cf-media" value={details.medium} onChange={(e) => set('medium', e.target.value)} placeholder="statement, post, interview, briefing…" />
          <datalist id="cf-media">
            {MEDIA.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <label htmlFor="cf-reliability">Reliability</label>
          <select id="cf-reliability" value={details.reliability ?? ''} onChange={(e) => set('reliability', (e.target.value || null) as Reliability | null)}>
            <option value="">Not graded</option>
            <LabelOptions labels={RELIABILITY_LABELS} format={(value, label) => `${value} — ${label}`} />
          </select>
          <label htmlFor="cf-credibility">Credibility</label>
          <select id="cf-credibility" value={details.credibility ?? ''} onChange={(e) => set('credibility', (e.target.value ? Number(e.target.value) : null) as Credibility | null)}>
            <option value="">Not graded</option>
            <LabelOptions labels={CREDIBILITY_LABELS} format={(value, label) => `${value} — ${label}`} />
          </select>
          <label htmlFor="cf-verification">Verification</label>
          <select id="cf-verification" value={details.verification} onChange={(e) => set('verification', e.target.value as Verification)}>
            <LabelOptions labels={VERIFICATION_LABELS} />
          </select>
          <span className="form-label">Topic tags</span>
          <fieldset className="tag-checks" aria-label="Topic tags">
            {project.tags.length === 0 && <span className="muted">No tags yet: add them in the Codebook.</span>}
            {project.tags.map((tag) => (
              <label key={tag.id} className="tag-check">
                <input type="checkbox" checked={tags.includes(tag.id)} onChange={(e) => setTags((list) => (e.target.checked ? [...list, tag.id] : list.filter((t) => t !== tag.id)))} />
                <span className="swatch" style={{ background: tagsById.get(tag.id)?.color }} />
                {tag.name}
              </label>
            ))}
          </fieldset>
          <label htmlFor="cf-note">Note</label>
          <textarea id="cf-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {annotation && <ClaimLinks annotation={annotation} />}
        <DialogFooter error={error} onCancel={onClose} submitLabel="Save" busy={saving} />
      </form>
    </Modal>
  );
}

type ClaimList = ChannelOutput<'claims:list'>;
const NO_CLAIMS: ClaimList = [];

/** Links from this claim to others, in any article: supports, contradicts, repeats. */
function ClaimLinks({ annotation }: { annotation: Annotation }) {
  const { actorsById } = useWorkbench();
  const change = useChange();
  const claims = useApiQuery('claims:list', {}).data ?? NO_CLAIMS;
  const { mutateAsync: linkClaims } = useApiMutation('claims:link');
  const { mutateAsync: unlinkClaims } = useApiMutation('claims:unlink');
  const [target, setTarget] = useState<string | null>(null);
  const [type, setType] = useState<ClaimLinkType>('contradicts');
  const links = annotation.claim?.links ?? [];

  const key = (c: { articleId: string; annotationId: string }) => `${c.articleId}/${c.annotationId}`;
  const byKey = new Map(claims.map((c) => [key(c), c]));
  const self = { articleId: annotation.articleId, annotationId: annotation.id };

  async function link(): Promise<void> {
    const other = target ? byKey.get(target) : undefined;
    if (!other) return;
    await change(async () => {
      await linkClaims({ from: self, to: { articleId: other.articleId, annotationId: other.annotationId }, type });
      setTarget(null);
    }, 'Claims linked.');
  }

  async function unlink(link: { articleId: string; annotationId: string }): Promise<void> {
    // A stored link also carries its type and direction; the channel takes only the reference.
    await change(() => unlinkClaims({ from: self, to: { articleId: link.articleId, annotationId: link.annotationId } }), 'Link removed.');
  }

  const describe = (c: ClaimList[number] | undefined) =>
    c ? `${c.speakerId ? `${actorsById.get(c.speakerId)?.name ?? 'Unknown'}: ` : ''}“${c.exact.slice(0, 70)}${c.exact.length > 70 ? '…' : ''}” (${c.articleTitle})` : 'a claim no longer available';

  return (
    <section className="claim-links" aria-label="Links to other claims">
      <h3>Links</h3>
      {links.length === 0 && <p className="muted">No links yet.</p>}
      <ul>
        {links.map((l) => (
          <li key={key(l)}>
            {l.direction === 'out' ? `This claim ${LINK_LABELS[l.type]}` : `${capitalise(LINK_LABELS[l.type])} this claim:`} {describe(byKey.get(key(l)))}
            <button type="button" onClick={() => void unlink(l)} aria-label={`Remove link to ${byKey.get(key(l))?.exact ?? 'claim'}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="link-add">
        <select aria-label="Link type" value={type} onChange={(e) => setType(e.target.value as ClaimLinkType)}>
          <option value="supports">supports</option>
          <option value="contradicts">contradicts</option>
          <option value="repeats">repeats</option>
        </select>
        <Combobox
          label="Linked claim"
          options={claims.filter((c) => key(c) !== key(self)).map((c) => ({ id: key(c), label: describe(c), keywords: [c.exact, c.articleTitle] }))}
          value={target}
          onChange={setTarget}
          initialText=""
        />
        <button type="button" onClick={() => void link()} disabled={!target}>
          Add link
        </button>
      </div>
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const QUOTES = /["“”«»„‘’']/;

/** A passage in quotation marks, or one whose selection left the marks just outside it. */
function isQuoted(text: string, start: number, end: number): boolean {
  const inside = text.slice(start, end).trim();
  if (QUOTES.test(inside.charAt(0)) && QUOTES.test(inside.charAt(inside.length - 1))) return true;
  return QUOTES.test(text.charAt(start - 1)) && QUOTES.test(text.slice(end, end + 2));
}
