// PLACEHOLDER: replaced by the engine branch
/**
 * A deliberately simple stand-in for the suggestion engine (issue 9), so that the panel, the
 * services and their tests can be built before the engine lands. It finds only:
 * - direct quotes in straight ("…") or curly (“…”) double quotes whose speaker is a capitalised
 *   name right before or after "said"/"says"/"added"/"told" next to the quote, or the name of
 *   the sentence's "<Name> said" when the quote follows in the same sentence;
 * - mentions of the registry's actors by name or alias (whole words, case as written).
 * Speakers not in the registry are proposed as new people. Nothing else (no pronouns, no
 * indirect quotes, no organisations found in the text): the engine branch replaces this file.
 */
import type { ActorSuggestion, ClaimSuggestion, RegistryActor, SpeakerGuess, SuggestInput, Suggestion, TextSpan } from './suggestion';

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`;
const VERB = String.raw`(?:said|says|added|told)`;
const AFTER = new RegExp(String.raw`^\s*(?:(${NAME})\s+${VERB}|${VERB}\s+(${NAME}))`, 'u');
const BEFORE = new RegExp(String.raw`(${NAME})\s+${VERB}\b[^.!?"“”]*$`, 'u');
const QUOTE = /"([^"\n]{2,}?)"|“([^”\n]{2,}?)”/g;
/** Words that start a sentence capitalised but name nobody. */
const NOT_NAMES = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'A', 'An', 'But', 'And', 'Her', 'His', 'This', 'That']);

export function suggest(input: SuggestInput): Suggestion[] {
  const { text, actors } = input;
  if (!text.trim()) return [];
  const actorSuggestions = new Map<string, ActorSuggestion>();
  for (const actor of actors) {
    const mentions = findAll(text, [actor.name, ...actor.aliases]);
    if (mentions.length > 0) actorSuggestions.set(keyOfActor(actor.kind, actor.name), { type: 'actor', key: keyOfActor(actor.kind, actor.name), name: actor.name, actorKind: actor.kind, aliases: [], existingActorId: actor.id, mentions });
  }
  const claims: ClaimSuggestion[] = [];
  for (const match of text.matchAll(QUOTE)) {
    const inner = match[1] ?? match[2] ?? '';
    const start = match.index + 1;
    const span: TextSpan = trimSpan(text, start, start + inner.length);
    if (span.end - span.start < 2) continue;
    const after = AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 80));
    const lineStart = Math.max(text.lastIndexOf('\n', match.index) + 1, match.index - 300);
    const before = BEFORE.exec(text.slice(lineStart, match.index));
    const name = clean(after?.[1] ?? after?.[2] ?? before?.[1] ?? null);
    const speaker = name ? speakerFor(name, text, actors, actorSuggestions) : null;
    const lineEnd = text.indexOf('\n', match.index + match[0].length);
    const context = text.slice(lineStart, Math.min(lineEnd < 0 ? text.length : lineEnd, match.index + match[0].length + 80));
    claims.push({ type: 'claim', key: `claim:${hash(span.text)}`, span, form: 'direct', medium: mediumOf(context), speaker, cue: null });
  }
  return [...actorSuggestions.values(), ...claims].sort((a, b) => firstOffset(a) - firstOffset(b));
}

/** Titles before a name ("Foreign Minister Ilse Marnow") are not part of it. */
const TITLES = /^(?:(?:Foreign|Prime|Defence|Defense|Deputy|Minister|President|Secretary|Secretary-General|Spokesperson|Spokesman|Spokeswoman|Ambassador|General|Chancellor|Senator|Mr|Mrs|Ms|Dr)\.?\s+)+/u;

function clean(name: string | null): string | null {
  if (!name) return null;
  const words = name.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
  const rest = words.join(' ').replace(TITLES, '');
  return rest || null;
}

function speakerFor(name: string, text: string, actors: readonly RegistryActor[], found: Map<string, ActorSuggestion>): SpeakerGuess {
  const lower = name.toLowerCase();
  // The registry's name at the end of a longer phrase ("Caldonian Ilse Marnow") is that actor.
  const names = (a: RegistryActor) => [a.name, ...a.aliases].map((n) => n.toLowerCase());
  const known = actors.find((a) => names(a).includes(lower)) ?? actors.find((a) => names(a).some((n) => lower.endsWith(` ${n}`)));
  if (known) return { name: known.name, existingActorId: known.id, actorKey: found.has(keyOfActor(known.kind, known.name)) ? keyOfActor(known.kind, known.name) : null };
  // An unknown name: a new person, with its last word as a short form when the text uses it.
  const key = keyOfActor('person', name);
  if (!found.has(key)) {
    const last = name.split(/\s+/).at(-1)!;
    const short = last !== name && findAll(text, [last]).length > findAll(text, [name]).length ? [last] : [];
    found.set(key, { type: 'actor', key, name, actorKind: 'person', aliases: short, existingActorId: null, mentions: findAll(text, [name, ...short]) });
  }
  return { name, existingActorId: null, actorKey: key };
}

function mediumOf(context: string): string | null {
  if (/\b(tweet(ed)?|posted|Twitter|social media)\b/i.test(context)) return 'social media post';
  if (/\bstatement\b/i.test(context)) return 'statement';
  if (/\binterview\b/i.test(context)) return 'interview';
  if (/\breporters\b/i.test(context)) return 'remarks to reporters';
  return null;
}

/** Whole-word occurrences of any of the names, longest first, not overlapping, in text order. */
function findAll(text: string, names: readonly string[]): TextSpan[] {
  const spans: TextSpan[] = [];
  // Longer names go first, so a shorter one inside them ("Wang" in "Wang Yi") is not taken twice.
  const covered = new Set<number>();
  const taken = (s: number, e: number) => covered.has(s) || covered.has(e - 1);
  for (const name of [...new Set(names)].filter((n) => n.trim()).sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + name.length;
      const edge = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
      if (edge(text[at - 1]) && edge(text[at + name.length]) && !taken(at, at + name.length)) {
        spans.push({ start: at, end: at + name.length, text: name });
        for (let i = at; i < at + name.length; i++) covered.add(i);
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The quoted words without a trailing comma or space ("…," he said). */
function trimSpan(text: string, start: number, end: number): TextSpan {
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end, text: text.slice(start, end) };
}

function keyOfActor(kind: string, name: string): string {
  return `actor:${kind}:${name.toLowerCase()}`;
}

function firstOffset(s: Suggestion): number {
  return s.type === 'actor' ? (s.mentions[0]?.start ?? 0) : s.span.start;
}

/** FNV-1a of the quote's words: the key survives edits elsewhere in the text. */
function hash(value: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
