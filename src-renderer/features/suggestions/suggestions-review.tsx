import { useCallback, useState, type ReactNode } from 'react';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { keyHints, PRIORITY, useShortcuts } from '../../app/keymap';
import { useNavigation } from '../../app/navigation';
import { useWorkbench } from '../../app/workbench-context';
import { QueueList } from '../review/queue-list';
import { suggestionKind, suggestionText } from './suggestion-labels';

/**
 * The Review view's walk over pending suggestions across the library (those of articles opened
 * or run with "Suggest for…"): one at a time, in context. Y accepts as proposed, X rejects, N
 * goes to the next; Open shows it in its article, where the speaker or actor can be changed.
 */
export function SuggestionsReview({ modes }: { modes: ReactNode }) {
  const { reportError, setStatus } = useWorkbench();
  const navigation = useNavigation();
  const pending = useApiQuery('suggestions:pending', { limit: 500 }).data ?? null;
  const [position, setPosition] = useState(0);
  const { mutateAsync: accept, isPending: accepting } = useApiMutation('suggestions:accept');
  const { mutateAsync: reject, isPending: rejecting } = useApiMutation('suggestions:reject');
  const index = Math.min(position, Math.max(0, (pending?.items.length ?? 1) - 1));
  const item = pending?.items[index];

  const act = useCallback(
    async (action: 'accept' | 'reject') => {
      if (!item || accepting || rejecting) return;
      try {
        if (action === 'accept') await accept({ articleId: item.articleId, items: [{ key: item.suggestion.key }] });
        else await reject({ articleId: item.articleId, keys: [item.suggestion.key] });
        setStatus(action === 'accept' ? 'Suggestion accepted. Undo with Ctrl+Z.' : 'Suggestion rejected: it will not be proposed again.');
      } catch (failure) {
        reportError(failure);
      }
    },
    [accept, accepting, item, reject, rejecting, reportError, setStatus],
  );
  const next = useCallback(() => setPosition((p) => (pending && p + 1 < pending.items.length ? p + 1 : 0)), [pending]);

  useShortcuts({ reviewSuggestionAccept: () => void act('accept'), reviewSuggestionReject: () => void act('reject'), reviewSuggestionNext: next }, PRIORITY.view);

  if (!pending) {
    return (
      <main className="view-main review-view" aria-label="Review queue">
        {modes}
        <p className="muted">Loading…</p>
      </main>
    );
  }
  const suggestion = item?.suggestion;
  const who = suggestion?.type === 'claim' ? (suggestion.speaker ? `Speaker: ${suggestion.speaker.name}${suggestion.speaker.existingActorId ? '' : ' (new actor)'}` : 'Speaker unknown') : null;
  const words = suggestion ? (suggestion.type === 'actor' ? (suggestion.mentions[0]?.text ?? suggestion.name) : suggestion.span.text) : '';
  return (
    <>
      <QueueList label="Suggestions to review" count={pending.items.length} current={index} onPick={setPosition} row={(i) => ({ title: pending.items[i]!.articleTitle, words: suggestionText(pending.items[i]!.suggestion) })} />
      <main className="view-main review-view" aria-label="Review queue">
        {modes}
        <p className="review-progress" aria-live="polite">
          {pending.total === 0
            ? 'No pending suggestions. Open an article, or use Suggest for… in the library to look through many.'
            : `${pending.total} pending ${pending.total === 1 ? 'suggestion' : 'suggestions'}. Showing ${index + 1} of ${pending.items.length}.`}
        </p>
        {item && suggestion && (
          <>
            <article className="entry" aria-label="Suggestion">
              <p className="entry-meta">
                {item.articleTitle} · {suggestionKind(suggestion)}
              </p>
              <p className="entry-context">
                …{item.before}
                <mark className="suggestion-mark">{words}</mark>
                {item.after}…
              </p>
              <p>
                <strong>{suggestionText(suggestion)}</strong>
                {who && ` · ${who}`}
              </p>
            </article>
            <div className="review-actions">
              <button type="button" className="primary" onClick={() => void act('accept')} aria-keyshortcuts="Y">
                Accept
              </button>
              <button type="button" onClick={() => void act('reject')} aria-keyshortcuts="X">
                Reject
              </button>
              <button type="button" onClick={next} aria-keyshortcuts="N">
                Next
              </button>
              <button type="button" onClick={() => navigation.open({ articleId: item.articleId })}>
                Open in article
              </button>
            </div>
            <p className="muted">Keys: {keyHints('Reviewing suggestions')}</p>
          </>
        )}
      </main>
    </>
  );
}
