import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../src-shared/text/fold';
import { EXPECTED, languageFixture } from '../import/test-language-fixtures';
import { openTestProject } from './test-project';

interface Hit {
  id: string;
  snippet: { match: string } | null;
}

/** Every language fixture imported as a user would: extracted, reviewed as is, committed. */
async function multilingualLibrary() {
  const { call, callAs } = await openTestProject();
  const ids = new Map<string, string>();
  for (const language of Object.keys(EXPECTED.words)) {
    const name = `${language}.utf8.html`;
    const file = languageFixture(name);
    const { results } = await call('import:extract', { files: [{ name, data: Buffer.from(file.bytes).toString('base64') }] });
    const result = results[0];
    if (!result?.ok) throw new Error(`${name} did not import`);
    const { draft } = result;
    // As the import dialog sends it today (without language and direction: the main process guesses them).
    const saved = await call('import:commit', { items: [{ title: draft.title, source: draft.source, url: draft.url, published: draft.published, text: draft.text, fileName: name, format: draft.format }] });
    const first = saved.results[0];
    if (!first?.ok) throw new Error(`${name} was not saved`);
    ids.set(language, first.id);
  }
  const search = async (query: string) => (await callAs<{ articles: Hit[] }>('search:query', { query })).articles;
  return { call, ids, search };
}

describe('search in the languages analysts read', () => {
  it('finds every language’s words, inside Chinese and Japanese runs too, with the word in the snippet', async () => {
    const { ids, search } = await multilingualLibrary();
    const missed: string[] = [];
    for (const [language, words] of Object.entries(EXPECTED.words)) {
      for (const word of words) {
        const hits = await search(word);
        const hit = hits.find((h) => h.id === ids.get(language));
        if (!hit) missed.push(`${language}: ${word}`);
        else if (!hit.snippet || !foldForSearch(hit.snippet.match).includes(foldForSearch(word).slice(0, 2))) missed.push(`${language}: ${word} (snippet ${hit.snippet?.match})`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('finds Arabic typed without the page’s presentation forms, vowels or hamza, and Russian ё as е', async () => {
    const { ids, search } = await multilingualLibrary();
    const ids_ = (hits: Hit[]) => hits.map((h) => h.id);
    expect(ids_(await search('ﺍﻟﺴﻴﻮﻟﺔ'))).toContain(ids.get('ar'));
    expect(ids_(await search('السُّيُولة'))).toContain(ids.get('ar'));
    expect(ids_(await search('اعلن'))).toContain(ids.get('ar'));
    expect(ids_(await search('ещё'))).toContain(ids.get('ru'));
  });

  it('counts words by the same segmenter, keeps each article’s language and direction', async () => {
    const { call, ids } = await multilingualLibrary();
    const list = await call('articles:list', {});
    const byId = new Map(list.map((s) => [s.id, s]));
    // About 60 words in three sentences; counted by runs it was 3.
    expect(byId.get(ids.get('zh')!)!.wordCount).toBeGreaterThan(40);
    expect(byId.get(ids.get('ar')!)).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(byId.get(ids.get('he')!)).toMatchObject({ language: 'he', direction: 'rtl' });
    expect(byId.get(ids.get('ru')!)).toMatchObject({ language: 'ru', direction: 'ltr' });
    const edited = await call('articles:update', { id: ids.get('ru')!, patch: { language: 'uk' } });
    expect(edited.language).toBe('uk');
  });
});
