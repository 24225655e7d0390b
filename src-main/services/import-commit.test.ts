import { describe, expect, it } from 'vitest';
import { openTestProject } from './test-project';

const item = { title: 'Central bank cuts ratio', source: 'Veldria Daily', url: '', published: '2025-05-14', fileName: 'a.html', format: 'html' as const };

describe('import:commit keeps what the draft found', () => {
  it('saves the byline, language and direction given', async () => {
    const { call } = await openTestProject();
    const { results } = await call('import:commit', { items: [{ ...item, text: 'أعلن المصرف المركزي خفض نسبة الاحتياطي.', byline: 'Lena Marsh', language: 'ar-EG', direction: 'rtl' }] });
    const saved = results[0];
    if (!saved?.ok) throw new Error('not saved');
    const { article } = await call('articles:get', { id: saved.id });
    expect(article).toMatchObject({ byline: 'Lena Marsh', language: 'ar-EG', direction: 'rtl' });
  });

  it('guesses language and direction from the text when the item has none', async () => {
    const { call } = await openTestProject();
    const { results } = await call('import:commit', { items: [{ ...item, text: 'הבנק המרכזי הודיע ביום שני על הפחתת הריבית.' }] });
    const saved = results[0];
    if (!saved?.ok) throw new Error('not saved');
    const { article } = await call('articles:get', { id: saved.id });
    expect(article).toMatchObject({ language: 'he', direction: 'rtl' });
    expect(article.byline).toBeUndefined();
  });
});
