import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { languageTagSchema, MAX_SOURCE, type Article, type ArticleDirectionChoice, type ArticlePatch } from '../../../src-shared/domain/article';
import { directionOf } from '../../../src-shared/text/language';
import { useApiMutation } from '../../api/queries';
import { useChange } from '../../app/use-change';
import { DIRECTION_LABELS } from '../../ui/labels';
import { LabelOptions } from '../../ui/label-options';

/**
 * The article's language (a BCP 47 tag), the direction its text runs and its byline, each
 * saved through `articles:update` (one undo step per change). Fields save on Enter or on
 * leaving them; Escape puts back the saved value.
 */
export function ArticleDetails({ article }: { article: Article }) {
  const change = useChange();
  const { mutateAsync: updateArticle } = useApiMutation('articles:update');
  const ids = useId();
  const [language, setLanguage] = useState(article.language ?? '');
  const [byline, setByline] = useState(article.byline ?? '');
  const [languageError, setLanguageError] = useState('');
  // What was last sent, so Enter then leaving the field (before the answer) saves once, not twice.
  const sent = useRef<{ language?: string | undefined; byline?: string | undefined }>({});
  // The stored values win whenever they change (a save, an undo, another window's edit).
  useEffect(() => {
    setLanguage(article.language ?? '');
    sent.current.language = undefined;
  }, [article.language]);
  useEffect(() => {
    setByline(article.byline ?? '');
    sent.current.byline = undefined;
  }, [article.byline]);
  const direction: ArticleDirectionChoice = article.direction ?? 'auto';

  const save = (patch: ArticlePatch, message: string) => change(() => updateArticle({ id: article.id, patch }), message);

  const saveLanguage = () => {
    const parsed = languageTagSchema.safeParse(language.replace(/_/g, '-'));
    if (!parsed.success) {
      setLanguageError(`“${language.trim()}” is not a language tag. Use a code such as en, ar, fa or zh-CN, or leave it empty.`);
      return;
    }
    setLanguageError('');
    const tag = parsed.data;
    setLanguage(tag);
    if (tag === (sent.current.language ?? article.language ?? '')) return;
    sent.current.language = tag;
    // A fixed direction follows a new language written the other way (ar after en); 'auto' stays.
    const follows = tag && article.direction && directionOf(tag) !== article.direction ? directionOf(tag) : undefined;
    const said = tag ? `Language set to ${tag}` : 'Language cleared';
    void save({ language: tag, ...(follows ? { direction: follows } : {}) }, follows ? `${said}; the text now runs ${DIRECTION_LABELS[follows].toLowerCase()}.` : `${said}.`).then((ok) => {
      if (!ok) sent.current.language = undefined;
    });
  };

  const saveByline = () => {
    if (byline.trim() === (sent.current.byline ?? article.byline ?? '')) return;
    sent.current.byline = byline.trim();
    void save({ byline }, byline.trim() ? 'Byline saved.' : 'Byline removed.').then((ok) => {
      if (!ok) sent.current.byline = undefined;
    });
  };

  const keys = (commit: () => void, revert: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') {
      // The field's own Escape: it must not also close or clear something behind it.
      event.stopPropagation();
      revert();
    }
  };

  return (
    <div className="article-details" role="group" aria-label="Article details">
      <div className="article-details-field">
        <label htmlFor={`${ids}-language`}>Language</label>
        <input
          id={`${ids}-language`}
          type="text"
          value={language}
          size={9}
          maxLength={35}
          spellCheck={false}
          autoCapitalize="off"
          placeholder="e.g. ar, zh-CN"
          aria-invalid={languageError ? true : undefined}
          aria-describedby={languageError ? `${ids}-language-error` : undefined}
          onChange={(e) => setLanguage(e.target.value)}
          onBlur={saveLanguage}
          onKeyDown={keys(saveLanguage, () => {
            setLanguage(article.language ?? '');
            setLanguageError('');
          })}
        />
      </div>
      <div className="article-details-field">
        <label htmlFor={`${ids}-direction`}>Direction</label>
        <select
          id={`${ids}-direction`}
          value={direction}
          onChange={(e) => {
            const next = e.target.value as ArticleDirectionChoice;
            void save({ direction: next }, next === 'auto' ? 'Each paragraph now runs the way its own letters do.' : `The text now runs ${DIRECTION_LABELS[next].toLowerCase()}.`);
          }}
        >
          <LabelOptions labels={DIRECTION_LABELS} />
        </select>
      </div>
      <div className="article-details-field article-details-byline">
        <label htmlFor={`${ids}-byline`}>Byline</label>
        <input
          id={`${ids}-byline`}
          type="text"
          dir="auto"
          value={byline}
          maxLength={MAX_SOURCE}
          placeholder="Who wrote it, as printed"
          onChange={(e) => setByline(e.target.value)}
          onBlur={saveByline}
          onKeyDown={keys(saveByline, () => setByline(article.byline ?? ''))}
        />
      </div>
      {languageError && (
        <p id={`${ids}-language-error`} className="field-error" role="alert">
          {languageError}
        </p>
      )}
    </div>
  );
}
