import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import type { Suggestion } from '../../../src-shared/suggest/suggestion';
import { MAX_SUGGESTIONS_PER_CALL } from '../../../src-shared/suggest/suggestion-contract';
import { useApiMutation } from '../../api/queries';
import { PRIORITY, useShortcuts } from '../../app/keymap';
import { useWorkbench, type ArticleSession } from '../../app/workbench-context';
import { LabelOptions } from '../../ui/label-options';
import { clearSuggestions, paintSuggestions, scrollToSuggestion } from './paint-suggestions';
import { SuggestionItem, type Overrides } from './suggestion-item';
import { matchesFilter, SUGGESTION_FILTER_LABELS, type SuggestionFilter } from './suggestion-labels';
import { useSuggestions } from './use-suggestions';

/** Items drawn in the list at once; the rest follow as these are decided. Accept all takes every one. */
const LIST_LIMIT = 100;

/**
 * What the workbench proposes for the open article (actors and attributed quotes): each can be
 * changed, accepted or rejected, one at a time or all those the kind filter shows. Nothing is
 * written until the analyst accepts.
 */
export function SuggestionsPanel() {
  const { session } = useWorkbench();
  return (
    <section className="panel suggestions-panel" aria-label="Suggestions">
      {session ? <SuggestionsBody key={session.article.id} session={session} /> : <Heading count={null} />}
      {!session && <p className="muted panel-body">Open an article to see what the workbench suggests.</p>}
    </section>
  );
}

function Heading({ count }: { count: string | null }) {
  return (
    <h2 className="panel-heading">
      Suggestions <span className="count">{count}</span>
    </h2>
  );
}

function SuggestionsBody({ session }: { session: ArticleSession }) {
  const { setStatus, reportError } = useWorkbench();
  const { list, problem, loading } = useSuggestions(session);
  const [filter, setFilter] = useState<SuggestionFilter>('');
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Record<string, Overrides>>({});
  const { mutateAsync: accept, isPending: accepting } = useApiMutation('suggestions:accept');
  const { mutateAsync: reject, isPending: rejecting } = useApiMutation('suggestions:reject');
  const listRef = useRef<HTMLUListElement>(null);
  const articleId = session.article.id;

  const shown = useMemo(() => list.filter((s) => matchesFilter(s, filter)), [list, filter]);
  const current = shown.find((s) => s.key === currentKey) ?? null;

  // Drawn over the article's text, and again whenever React redraws the text under them.
  useEffect(() => {
    let frame = 0;
    const root = () => document.querySelector('article.article-text');
    const paint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => paintSuggestions(root(), shown, current));
    };
    paint();
    const observer = new MutationObserver(paint);
    const element = root();
    if (element) observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [shown, current]);
  useEffect(() => clearSuggestions, []);

  const focus = useCallback((suggestion: Suggestion | null) => {
    setCurrentKey(suggestion?.key ?? null);
    if (!suggestion) return;
    scrollToSuggestion(document.querySelector('article.article-text'), suggestion);
    requestAnimationFrame(() => listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' }));
  }, []);

  /** The one after `suggestion` in the list, to move to once it is decided. */
  const after = (suggestion: Suggestion) => {
    const index = shown.indexOf(suggestion);
    return shown[index + 1] ?? shown[index - 1] ?? null;
  };

  const item = (s: Suggestion): ChannelInput<'suggestions:accept'>['items'][number] => ({ key: s.key, overrides: overrides[s.key] ?? {} });

  const acceptOne = async (suggestion: Suggestion) => {
    const next = after(suggestion);
    try {
      await accept({ articleId, items: [item(suggestion)] });
      setStatus('Suggestion accepted. Undo with Ctrl+Z.');
      if (currentKey === suggestion.key) setCurrentKey(next?.key ?? null);
    } catch (failure) {
      reportError(failure);
    }
  };

  const rejectOne = async (suggestion: Suggestion) => {
    const next = after(suggestion);
    try {
      await reject({ articleId, keys: [suggestion.key] });
      setStatus('Suggestion rejected: it will not be proposed again for this article.');
      if (currentKey === suggestion.key) setCurrentKey(next?.key ?? null);
    } catch (failure) {
      reportError(failure);
    }
  };

  const acceptAll = async () => {
    const items = shown.slice(0, MAX_SUGGESTIONS_PER_CALL).map(item);
    if (items.length === 0) return;
    try {
      const result = await accept({ articleId, items });
      setStatus(`Accepted ${items.length} ${items.length === 1 ? 'suggestion' : 'suggestions'}: ${result.annotations} annotations, ${result.actorsCreated} new actors. Undo with Ctrl+Z.`);
      setCurrentKey(null);
    } catch (failure) {
      reportError(failure);
    }
  };

  const move = (step: 1 | -1) => {
    if (shown.length === 0) return false;
    const index = current ? shown.indexOf(current) : step === 1 ? -1 : shown.length;
    focus(shown[(index + step + shown.length) % shown.length]!);
  };
  useShortcuts(
    {
      nextSuggestion: (event) => move(event.key === 'S' ? -1 : 1),
      acceptSuggestion: () => (current && !accepting ? void acceptOne(current) : false),
      rejectSuggestion: () => (current && !rejecting ? void rejectOne(current) : false),
    },
    PRIORITY.view,
  );

  const count = loading ? '…' : `${shown.length}${shown.length !== list.length ? ` of ${list.length}` : ''}`;
  return (
    <>
      <Heading count={count} />
      <div className="filters">
        <select aria-label="Filter suggestions by kind" value={filter} onChange={(e) => setFilter(e.target.value as SuggestionFilter)}>
          <option value="">All kinds</option>
          <LabelOptions labels={SUGGESTION_FILTER_LABELS} />
        </select>
        <button type="button" className="primary" disabled={shown.length === 0 || accepting} onClick={() => void acceptAll()} title="Accept every suggestion the filter shows, as one step">
          Accept all
        </button>
      </div>
      {loading && <p className="muted panel-body">Looking for actors and quotes…</p>}
      {problem && (
        <p className="panel-body suggestion-problem" role="status">
          {problem}
        </p>
      )}
      {!loading && !problem && shown.length === 0 && <p className="muted panel-body">{list.length > 0 ? 'No suggestions of this kind.' : 'No suggestions for this article.'}</p>}
      {shown.length > 0 && (
        <ul className="suggestion-list" aria-label="Suggestions in text order" ref={listRef}>
          {shown.slice(0, LIST_LIMIT).map((s) => (
            <SuggestionItem
              key={s.key}
              suggestion={s}
              current={s.key === current?.key}
              overrides={overrides[s.key] ?? {}}
              busy={accepting || rejecting}
              onFocus={() => focus(s)}
              onChange={(next) => setOverrides((all) => ({ ...all, [s.key]: next }))}
              onAccept={() => void acceptOne(s)}
              onReject={() => void rejectOne(s)}
            />
          ))}
          {shown.length > LIST_LIMIT && <li className="muted">{shown.length - LIST_LIMIT} more follow as these are decided.</li>}
        </ul>
      )}
    </>
  );
}
