import type { ActorKind } from '../domain/actor';
import { fold } from './fold';
import { ORG_ANAPHORS, CONNECTORS } from './name-words';
import type { NameSpan } from './names';
import type { Token } from './tokens';
import type { ActorSuggestion, RegistryActor, TextSpan } from './suggestion';

/** An actor of the article while it is being built: its mentions and the forms they take. */
export interface ActorDraft {
  key: string;
  name: string;
  kind: ActorKind;
  existing: RegistryActor | null;
  words: string[];
  mentions: TextSpan[];
  forms: Set<string>;
}

/** Folded name or alias → registry actor. An ambiguous alias (two actors) matches neither. */
export function registryIndex(actors: readonly RegistryActor[]): Map<string, RegistryActor | null> {
  const index = new Map<string, RegistryActor | null>();
  for (const actor of actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const key = fold(name);
      if (key === '') continue;
      const seen = index.get(key);
      index.set(key, seen === undefined || seen?.id === actor.id ? actor : null);
    }
  }
  return index;
}

/**
 * Groups name spans into actors: registry names and aliases first, then full names, then short
 * forms ("Wang" after "Wang Yi", "WHO" for "World Health Organization", "the ministry").
 */
export function groupActors(names: readonly NameSpan[], tokens: readonly Token[], text: string, registry: ReadonlyMap<string, RegistryActor | null>): ActorDraft[] {
  const byKey = new Map<string, ActorDraft>();
  const drafts: ActorDraft[] = [];
  const pending: NameSpan[] = [];
  const add = (draft: ActorDraft, name: { start: number; end: number; text: string }) => {
    draft.mentions.push({ start: name.start, end: name.end, text: name.text });
    draft.forms.add(name.text);
  };
  // Drafts by each of their words and by their initials, so a short form finds its owner without a scan.
  const byWord = new Map<string, ActorDraft[]>();
  const index = (word: string, draft: ActorDraft) => {
    const list = byWord.get(word);
    if (list === undefined) byWord.set(word, [draft]);
    else if (!list.includes(draft)) list.push(draft);
  };
  const ensure = (key: string, make: () => ActorDraft): ActorDraft => {
    let draft = byKey.get(key);
    if (draft === undefined) {
      draft = make();
      byKey.set(key, draft);
      drafts.push(draft);
      for (const w of draft.words) index(w, draft);
      if (draft.kind === 'organization') index(`#${draft.words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]).join('')}`, draft);
    }
    return draft;
  };
  const owners = new Map<string, ActorDraft | null>();
  // Longest names first, so short forms find the full name wherever it stands in the article.
  const ordered = [...names].sort((a, b) => b.words.length - a.words.length || a.start - b.start);
  for (const name of ordered) {
    const folded = fold(name.text);
    const known = registry.get(folded);
    if (known) {
      add(ensure(`id:${known.id}`, () => ({ key: actorKey(known.kind, known.name), name: known.name, kind: known.kind, existing: known, words: fold(known.name).split(' '), mentions: [], forms: new Set() })), name);
      continue;
    }
    const full = !name.weak;
    // Longer names come first, so every possible owner of this short form exists by now: cache by form.
    const formKey = `${name.kind}|${folded}`;
    let owner = owners.get(formKey);
    if (owner === undefined) {
      const candidates = [...(byWord.get(name.words[0] ?? '') ?? []), ...(byWord.get(`#${name.text.replace(/\./g, '').toLowerCase()}`) ?? [])];
      owner = shortFormOwner(name, candidates);
      owners.set(formKey, owner);
    }
    if (owner !== null) add(owner, name);
    else if (full) add(ensure(`new:${name.kind}:${folded}`, () => ({ key: actorKey(name.kind, name.text), name: name.text, kind: name.kind, existing: null, words: name.words, mentions: [], forms: new Set() })), name);
    else pending.push(name);
  }
  // A weak word that is no one's short form counts only where the same word was found as a name.
  for (const name of pending) {
    const same = byKey.get(`new:${name.kind}:${fold(name.text)}`) ?? byWord.get(name.words[0] ?? '')?.find((d) => d.words.length === 1 && d.words[0] === name.words[0]);
    if (same !== undefined) add(same, name);
  }
  addOrgAnaphors(drafts, tokens, text);
  return drafts;
}

function actorKey(kind: ActorKind, name: string): string {
  return `actor:${kind}:${fold(name)}`;
}

/** The one actor whose longer name contains these words in order, or whose initials they are. */
function shortFormOwner(name: NameSpan, drafts: readonly ActorDraft[]): ActorDraft | null {
  const found = [...new Set(drafts)].filter((draft) => draft.words.length > name.words.length && (containsRun(draft.words, name.words) || isAcronym(name, draft)));
  const people = found.filter((d) => d.kind === 'person');
  if (found.length === 1) return found[0]!;
  if (people.length === 1 && name.kind === 'person') return people[0]!;
  return null;
}

function containsRun(words: readonly string[], part: readonly string[]): boolean {
  if (part.every((w) => CONNECTORS.has(w))) return false;
  for (let i = 0; i + part.length <= words.length; i++) {
    if (part.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}

function isAcronym(name: NameSpan, draft: ActorDraft): boolean {
  if (name.words.length !== 1 || draft.kind !== 'organization') return false;
  const letters = name.text.replace(/\./g, '');
  if (letters.length < 2 || letters !== letters.toUpperCase()) return false;
  const initials = draft.words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]).join('');
  return initials === letters.toLowerCase();
}

/** "the ministry" after "the Chinese foreign ministry": a mention when one organisation of the article ends in that noun. */
function addOrgAnaphors(drafts: readonly ActorDraft[], tokens: readonly Token[], text: string): void {
  const byHead = new Map<string, { draft: ActorDraft; firstAt: number }[]>();
  for (const d of drafts) {
    if (d.kind !== 'organization') continue;
    const head = d.words[d.words.length - 1]!;
    const firstAt = d.mentions.reduce((min, m) => Math.min(min, m.end), Infinity);
    byHead.set(head, [...(byHead.get(head) ?? []), { draft: d, firstAt }]);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || !ORG_ANAPHORS.has(t.lower) || tokens[i - 1]!.lower !== 'the') continue;
    const owners = byHead.get(t.lower)?.filter((d) => d.firstAt <= t.start) ?? [];
    if (owners.length !== 1) continue;
    const owner = owners[0]!.draft;
    if (owner.mentions.some((m) => m.start <= t.start && m.end >= t.end)) continue;
    owner.mentions.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end) });
    owner.forms.add(`the ${t.text}`);
  }
}

/** The finished suggestion: mentions in text order without overlaps; aliases are the forms other than the name. */
export function toSuggestion(draft: ActorDraft): ActorSuggestion {
  const mentions = [...draft.mentions].sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
  const known = new Set([draft.name, ...(draft.existing?.aliases ?? [])].map(fold));
  const aliases = [...new Set([...draft.forms].filter((f) => !known.has(fold(f))))];
  return { type: 'actor', key: draft.key, name: draft.name, actorKind: draft.kind, aliases, existingActorId: draft.existing?.id ?? null, mentions };
}
