import { memo } from 'react';
import type { ActorKind } from '../../../src-shared/domain/actor';
import type { ChannelInput } from '../../../src-shared/contract';
import type { Suggestion } from '../../../src-shared/suggest/suggestion';
import { useWorkbench } from '../../app/workbench-context';
import { LabelOptions } from '../../ui/label-options';
import { ACTOR_KIND_LABELS } from '../../ui/labels';
import { suggestionKind, suggestionText } from './suggestion-labels';

/** The analyst's changes to one suggestion before accepting it (see `suggestions:accept`). */
export type Overrides = NonNullable<ChannelInput<'suggestions:accept'>['items'][number]['overrides']>;

interface Props {
  suggestion: Suggestion;
  current: boolean;
  overrides: Overrides;
  busy: boolean;
  onFocus(): void;
  onChange(overrides: Overrides): void;
  onAccept(): void;
  onReject(): void;
}

/** One suggestion: what it is, who it names (changeable), Accept and Reject. */
export const SuggestionItem = memo(function SuggestionItem({ suggestion, current, overrides, busy, onFocus, onChange, onAccept, onReject }: Props) {
  const { project } = useWorkbench();
  const text = suggestionText(suggestion);
  return (
    <li className={current ? 'suggestion current' : 'suggestion'} aria-current={current} aria-label={text}>
      <button type="button" className="suggestion-main" onClick={onFocus} title="Show it in the article">
        <span className={`kind-dot kind-${suggestion.type}`} aria-hidden />
        <span className="entry-text">
          <span className="entry-meta">{suggestionKind(suggestion)}</span>
          <span className="entry-quote">{text}</span>
        </span>
      </button>
      <div className="suggestion-controls">
        <div className="suggestion-choices">
          {suggestion.type === 'actor' ? (
            <>
              <select aria-label="Actor" value={overrides.actorId ?? ''} onChange={(e) => onChange({ ...overrides, actorId: e.target.value || undefined })}>
                <option value="">{suggestion.existingActorId ? (project.actors.find((a) => a.id === suggestion.existingActorId)?.name ?? suggestion.name) : `New: ${suggestion.name}`}</option>
                {project.actors
                  .filter((a) => a.id !== suggestion.existingActorId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
              {!suggestion.existingActorId && !overrides.actorId && (
                <select aria-label="Kind" value={overrides.actorKind ?? suggestion.actorKind} onChange={(e) => onChange({ ...overrides, actorKind: e.target.value as ActorKind })}>
                  <LabelOptions labels={ACTOR_KIND_LABELS} />
                </select>
              )}
            </>
          ) : (
            <select
              aria-label="Speaker"
              value={overrides.speakerId === undefined ? '' : (overrides.speakerId ?? 'none')}
              onChange={(e) => onChange({ ...overrides, speakerId: e.target.value === '' ? undefined : e.target.value === 'none' ? null : e.target.value })}
            >
              <option value="">{speakerLabel(suggestion, project.actors)}</option>
              <option value="none">No speaker</option>
              {project.actors
                .filter((a) => a.id !== suggestion.speaker?.existingActorId)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
            </select>
          )}
        </div>
        <div className="suggestion-actions">
          <button type="button" className="primary" disabled={busy} onClick={onAccept} aria-keyshortcuts={current ? 'Y' : undefined}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={onReject} aria-keyshortcuts={current ? 'X' : undefined}>
            Reject
          </button>
        </div>
      </div>
    </li>
  );
});

function speakerLabel(suggestion: Extract<Suggestion, { type: 'claim' }>, actors: readonly { id: string; name: string }[]): string {
  const speaker = suggestion.speaker;
  if (!speaker) return 'Speaker unknown';
  if (speaker.existingActorId) return actors.find((a) => a.id === speaker.existingActorId)?.name ?? speaker.name;
  return `New: ${speaker.name}`;
}
