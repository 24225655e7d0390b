import type { ActorKind } from '../../../src-shared/domain/actor';
import type { QuoteForm, Suggestion } from '../../../src-shared/suggest/suggestion';
import { ACTOR_KIND_LABELS } from '../../ui/labels';

/** What the kind filter offers: each actor kind, and quotes. */
export type SuggestionFilter = ActorKind | 'claim' | '';

export const SUGGESTION_FILTER_LABELS: Record<Exclude<SuggestionFilter, ''>, string> = {
  person: 'People',
  organization: 'Organizations',
  state: 'States',
  group: 'Groups',
  other: 'Other actors',
  claim: 'Quotes',
};

export const QUOTE_FORM_LABELS: Record<QuoteForm, string> = { direct: 'Direct quote', indirect: 'Indirect quote', mixed: 'Mixed quote' };

export function matchesFilter(suggestion: Suggestion, filter: SuggestionFilter): boolean {
  if (!filter) return true;
  return suggestion.type === 'claim' ? filter === 'claim' : suggestion.actorKind === filter;
}

/** "Person · new actor", "Direct quote · social media post". */
export function suggestionKind(suggestion: Suggestion): string {
  if (suggestion.type === 'actor') return `${ACTOR_KIND_LABELS[suggestion.actorKind]} · ${suggestion.existingActorId ? 'in the registry' : 'new actor'}`;
  return [QUOTE_FORM_LABELS[suggestion.form], suggestion.medium].filter(Boolean).join(' · ');
}

/** The words proposed: a name with its mentions, or a quote. */
export function suggestionText(suggestion: Suggestion, max = 160): string {
  if (suggestion.type === 'actor') {
    const count = suggestion.mentions.length;
    return `${suggestion.name} (${count} ${count === 1 ? 'mention' : 'mentions'})`;
  }
  const text = suggestion.span.text;
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}
