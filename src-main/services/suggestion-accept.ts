import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../src-shared/contract';
import type { Actor, ActorKind } from '../../src-shared/domain/actor';
import type { Annotation } from '../../src-shared/domain/annotation';
import { stampCreated, stampUpdated, type Author } from '../../src-shared/domain/author';
import { AppError } from '../../src-shared/result';
import { CLAIM_FORM_OF } from '../../src-shared/suggest/suggestion-schema';
import type { ActorSuggestion, ClaimSuggestion, Suggestion, TextSpan } from '../../src-shared/suggest/suggestion';
import type { ArticleFile, ProjectFile } from '../store/file-schemas';
import { rangeIn } from './annotations-service';
import type { Tx } from './history';
import { actorOf, aliasesWithSelection, cleanAliases } from './validate';

type Item = ParsedInput<'suggestions:accept'>['items'][number];

/**
 * Writes the accepted suggestions of one article inside one undoable step: first the registry
 * (new actors, new aliases of known ones), then the article (the annotations). `pending` is
 * what is proposed now; a key not in it fails the whole step with `conflict` before any write.
 */
export async function acceptSuggestions(tx: Tx, registry: Readonly<ProjectFile>, file: Readonly<ArticleFile>, pending: readonly Suggestion[], items: readonly Item[], when: { at: string; by: Author }): Promise<{ annotations: number; actorsCreated: number }> {
  const stamp = when.at;
  const byKey = new Map(pending.map((s) => [s.key, s]));
  const chosen = items.map((item) => {
    const suggestion = byKey.get(item.key);
    if (!suggestion) throw new AppError('conflict', 'A suggestion you accepted is no longer proposed (already accepted, rejected, or the text changed). The list was refreshed: review it again.');
    return { suggestion, overrides: item.overrides };
  });
  for (const { suggestion } of chosen) checkSpans(file, suggestion);

  // The registry first: actor ids for every accepted actor and every claim's speaker.
  const actorIds = new Map<string, string>();
  let actorsCreated = 0;
  const registryChange = (project: ProjectFile) => {
    const findOrCreate = (name: string, kind: ActorKind, aliases: readonly string[]): Actor => {
      // The same name accepted in another article since: the registry's actor, not a twin.
      const lower = name.trim().toLowerCase();
      const same = project.actors.find((a) => a.name.toLowerCase() === lower);
      if (same) return same;
      const actor: Actor = stampCreated({ id: randomUUID(), name: name.trim(), kind, aliases: cleanAliases(name, aliases), description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp }, when.by);
      project.actors.push(actor);
      actorsCreated++;
      return actor;
    };
    for (const { suggestion, overrides } of chosen) {
      if (suggestion.type !== 'actor') continue;
      const existing = overrides.actorId ?? suggestion.existingActorId;
      const actor = existing ? actorOf(project, existing) : findOrCreate(suggestion.name, overrides.actorKind ?? suggestion.actorKind, suggestion.aliases);
      for (const mention of suggestion.mentions) addAlias(actor, mention.text, when);
      actorIds.set(suggestion.key, actor.id);
    }
    const speakers = new Map<string, string | null>();
    for (const { suggestion, overrides } of chosen) {
      if (suggestion.type !== 'claim') continue;
      speakers.set(suggestion.key, speakerOf(project, suggestion, overrides.speakerId, actorIds, pending, findOrCreate));
    }
    return speakers;
  };
  // Claims by speakers already in the registry leave project.json alone (no write, nothing to undo there).
  const known = new Set(registry.actors.map((a) => a.id));
  const touchesRegistry = chosen.some(({ suggestion: s, overrides }) => s.type === 'actor' || (overrides.speakerId === undefined && s.speaker !== null && !(s.speaker.existingActorId && known.has(s.speaker.existingActorId))));
  const speakerIds = touchesRegistry ? await tx.project(registryChange) : registryChange({ ...registry, actors: [...registry.actors] });

  const annotations = await tx.article(file.article.id, (draft) => {
    const created: Annotation[] = [];
    const add = (span: TextSpan, fields: Pick<Annotation, 'kind' | 'actorId' | 'claim'>) =>
      created.push(stampCreated({ id: randomUUID(), articleId: draft.article.id, target: rangeIn(draft, span.start, span.end), tags: [], note: '', status: 'draft' as const, anchor: 'anchored' as const, createdAt: stamp, updatedAt: stamp, ...fields }, when.by));
    for (const { suggestion, overrides } of chosen) {
      if (suggestion.type === 'actor') {
        for (const mention of suggestion.mentions) add(mention, { kind: 'actor', actorId: actorIds.get(suggestion.key)!, claim: null });
      } else {
        const claim = { speakerId: speakerIds.get(suggestion.key) ?? null, form: CLAIM_FORM_OF[overrides.form ?? suggestion.form], medium: overrides.medium ?? suggestion.medium ?? '', reliability: null, credibility: null, verification: 'unverified' as const, links: [] };
        add(suggestion.span, { kind: 'claim', actorId: null, claim });
      }
    }
    draft.annotations.push(...created);
    return created.length;
  });
  return { annotations, actorsCreated };
}

/** The claim's speaker: the analyst's choice, else the registry actor proposed, else the proposed new actor. */
function speakerOf(
  project: ProjectFile,
  claim: ClaimSuggestion,
  chosen: string | null | undefined,
  actorIds: ReadonlyMap<string, string>,
  pending: readonly Suggestion[],
  findOrCreate: (name: string, kind: ActorKind, aliases: readonly string[]) => Actor,
): string | null {
  if (chosen !== undefined) return chosen === null ? null : actorOf(project, chosen).id;
  const speaker = claim.speaker;
  if (!speaker) return null;
  if (speaker.existingActorId && project.actors.some((a) => a.id === speaker.existingActorId)) return speaker.existingActorId;
  if (speaker.actorKey && actorIds.has(speaker.actorKey)) return actorIds.get(speaker.actorKey)!;
  // A speaker proposed as a new actor whose own suggestion was not accepted: the actor is still
  // created (the claim needs it), without marking its mentions.
  const proposal = pending.find((s): s is ActorSuggestion => s.type === 'actor' && s.key === speaker.actorKey);
  return findOrCreate(proposal?.name ?? speaker.name, proposal?.actorKind ?? 'person', proposal?.aliases ?? []).id;
}

function addAlias(actor: Actor, text: string, when: { at: string; by: Author }): void {
  const aliases = aliasesWithSelection(actor, text);
  if (!aliases) return;
  actor.aliases = aliases;
  actor.updatedAt = when.at;
  stampUpdated(actor, when.by);
}

/** The engine's offsets must still name its words in the stored text, or nothing is written. */
function checkSpans(file: Readonly<ArticleFile>, suggestion: Suggestion): void {
  const spans = suggestion.type === 'actor' ? suggestion.mentions : [suggestion.span];
  for (const span of spans) {
    if (file.article.text.slice(span.start, span.end) !== span.text || span.end <= span.start) {
      throw new AppError('conflict', 'The article changed since its suggestions were made. Reopen it to see fresh suggestions.');
    }
  }
}
