import { describe, expect, it } from 'vitest';
import { draftOf, fixture } from './test-fixtures';



const page = (head: string, body: string, name = 'page.html') => ({
  name,
  bytes: new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`),
});
const ARTICLE = `<article><h1>Heading</h1>${'<p>The council of Ostria met on Tuesday to discuss the harbour budget and the dredging plan for the outer channel.</p>'.repeat(4)}</article>`;

describe('a news page with heavy boilerplate (wire-story.html)', () => {
  const article = [
    'Veldria and Ostria will resume technical talks on the Kessar dam next month, ending a pause of almost two years that left farmers on both banks guessing how much water the summer would bring.',
    'The two governments announced on Friday that engineers from each side will meet in Port Aurel on 3 April, with mediators from the Lindqvist Foundation in the room. Neither ministry said how long the talks were expected to last.',
    'The dam at Dunmere holds back most of the river’s spring melt. Ostria, downstream, has long asked for a guaranteed minimum flow in July and August; Veldria has said that any guarantee must depend on the winter’s snowfall.',
    'A seasonal guarantee',
    'Officials familiar with the preparations said the Veldrian delegation would table a proposal that ties the summer release to gauge readings taken in March, a compromise first floated by the mediators last autumn.',
    '“Water does not stop at a border post, and neither should cooperation,” Veldria’s foreign minister, Hélène Varo, said in a statement.',
    'Ostria’s water agency welcomed the announcement but warned that the talks would fail if they did not produce figures farmers could plan around before the planting season.',
  ];

  it('keeps every article paragraph, in order, one paragraph each', async () => {
    const { text } = await draftOf(fixture('wire-story.html'));
    const paragraphs = text.split('\n\n');
    const positions = article.map((paragraph) => paragraphs.indexOf(paragraph));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('drops navigation, cookie banner, adverts, related links, sidebar, footer, scripts and styles', async () => {
    const { text } = await draftOf(fixture('wire-story.html'));
    for (const boilerplate of [
      'cookies', 'Accept all', 'Manage preferences', 'Politics', 'Subscribe', 'Advertisement', 'Fly Aurel Air',
      'Refinance', 'Crestline', 'Share on social', 'Email this story', 'Drought brings Dunmere', 'More from World',
      'Korvania closes', 'Morning Briefing', 'Most read', 'cup on penalties', 'weekend for two', 'All rights reserved',
      'Privacy policy', 'SCRIPT TEXT', 'STYLE TEXT', 'dataLayer', 'By Ines Corvan',
    ]) {
      expect(text, boilerplate).not.toContain(boilerplate);
    }
  });

  it('takes title, date, source and URL from the JSON-LD NewsArticle', async () => {
    const draft = await draftOf(fixture('wire-story.html'));
    // og:title and <title> carry the site name; the JSON-LD headline does not.
    expect(draft.title).toBe('Veldria and Ostria agree to reopen Kessar dam talks');
    // 23:10 in UTC-4 is already the 15th in UTC; the article's own date is the 14th.
    expect(draft.published).toBe('2025-03-14');
    expect(draft.source).toBe('The Marrow Courier');
    expect(draft.siteName).toBe('The Marrow Courier');
    expect(draft.url).toBe('https://www.marrow-courier.example/world/2025/03/14/kessar-dam-talks');
    expect(draft.byline).toBe('Ines Corvan and Pavel Dray');
    expect(draft.format).toBe('html');
  });
});

describe('a page whose metadata disagrees with its printed byline (byline-mismatch.html)', () => {
  it('keeps the printed byline, not the metadata author', async () => {
    const draft = await draftOf(fixture('byline-mismatch.html'));
    expect(draft.byline).toBe('Lena Marsh, Port Aurel correspondent');
    expect(draft.byline).not.toContain('Tomas Varga');
  });

  it('still prefers metadata for title and date over what the page prints', async () => {
    const draft = await draftOf(fixture('byline-mismatch.html'));
    expect(draft.title).toBe('Port Aurel dockworkers end three-day strike'); // the <h1> says "…go back to work"
    expect(draft.published).toBe('2025-04-02'); // the page prints "Updated 3 April 2025"
    expect(draft.source).toBe('Ostrian Daily Wire');
    expect(draft.url).toBe('https://dailywire.ostria.example/news/2025/04/02/port-aurel-strike-ends');
  });

  it('takes the byline out of the article text', async () => {
    const { text } = await draftOf(fixture('byline-mismatch.html'));
    expect(text).not.toContain('Lena Marsh');
    expect(text).toContain('Dockworkers in Port Aurel returned to the quays on Wednesday morning');
  });

  it('falls back to the metadata author when the page prints no byline', async () => {
    const draft = await draftOf(page('<meta name="author" content="Tomas Varga">', ARTICLE));
    expect(draft.byline).toBe('Tomas Varga');
  });
});

describe('metadata without JSON-LD', () => {
  it('uses Open Graph and article:published_time', async () => {
    const draft = await draftOf(
      page(
        `<title>Ignored title</title><meta property="og:title" content="Harbour budget agreed | Aurel Evening Post">
         <meta property="og:site_name" content="Aurel Evening Post"><meta property="og:url" content="https://post.example/harbour">
         <meta property="article:published_time" content="2024-11-30T18:00:00Z">`,
        ARTICLE,
      ),
    );
    expect([draft.title, draft.siteName, draft.url, draft.published]).toEqual([
      'Harbour budget agreed', 'Aurel Evening Post', 'https://post.example/harbour', '2024-11-30',
    ]);
  });

  it('keeps a title that merely ends with the site name', async () => {
    const draft = await draftOf(page('<meta property="og:title" content="Inside the Post"><meta property="og:site_name" content="Post">', ARTICLE));
    expect(draft.title).toBe('Inside the Post');
  });

  it('keeps only http(s) URLs, falling back to the canonical link', async () => {
    const draft = await draftOf(
      page('<meta property="og:url" content="javascript:alert(1)"><link rel="canonical" href="https://post.example/a">', ARTICLE),
    );
    expect(draft.url).toBe('https://post.example/a');
    const none = await draftOf(page('<link rel="canonical" href="file:///etc/passwd">', ARTICLE));
    expect(none.url).toBe('');
  });

  it('ignores a broken JSON-LD block and reads the next one', async () => {
    const draft = await draftOf(
      page(
        `<script type="application/ld+json">{ "@type": "NewsArticle", </script>
         <script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":["NewsArticle"],"headline":"Second block","publisher":"Post"}]</script>`,
        ARTICLE,
      ),
    );
    expect(draft.title).toBe('Second block');
    expect(draft.source).toBe('Post');
  });

  it('uses the host as source when the page names no site', async () => {
    const draft = await draftOf(page('<link rel="canonical" href="https://www.harbour-news.example/x">', ARTICLE));
    expect(draft.source).toBe('harbour-news.example');
  });
});

it('decodes a Windows-1252 page', async () => {
  const html = `<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body>${ARTICLE.replace('Heading', 'R\u00e9sum\u00e9 \u201cquoted\u201d')}</body></html>`;
  const bytes = Uint8Array.from([...html].map((ch) => ({ '\u201c': 0x93, '\u201d': 0x94 })[ch] ?? ch.charCodeAt(0)));
  const draft = await draftOf({ name: 'cafe.htm', bytes });
  expect(draft.title).toBe('Café');
  expect(draft.text).toContain('Résumé “quoted”');
});

it('decodes a page in the charset it declares', async () => {
  // ISO-8859-7 Greek read as Windows-1252 would come out as "Êáóôýëá".
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-7"></head><body>${ARTICLE.replace('Heading', 'Η Καστέλα')}</body></html>`;
  const bytes = Uint8Array.from([...html].map((ch) => (ch.charCodeAt(0) >= 0x386 ? ch.charCodeAt(0) - 0x2d0 : ch.charCodeAt(0))));
  const draft = await draftOf({ name: 'kastela.html', bytes });
  expect(draft.text).toContain('Η Καστέλα');
});

describe('JSON-LD as blogs and CMSs write it', () => {
  it('reads a BlogPosting wrapped in CDATA', async () => {
    const ld = `<script type="application/ld+json">//<![CDATA[
{"@type":"BlogPosting","headline":"Dredging plan approved","datePublished":"2025-05-14T08:00:00Z"}
//]]></script>`;
    const draft = await draftOf(page(ld, ARTICLE));
    expect(draft).toMatchObject({ title: 'Dredging plan approved', published: '2025-05-14' });
  });

  it('reads a SocialMediaPosting in an HTML comment', async () => {
    const ld = `<script type="application/ld+json"><!--{"@type":"SocialMediaPosting","headline":"Ferry strike called off","datePublished":"2025-06-01"}--></script>`;
    const draft = await draftOf(page(ld, ARTICLE));
    expect(draft).toMatchObject({ title: 'Ferry strike called off', published: '2025-06-01' });
  });
});

describe('a JSON-LD headline that is not the article headline', () => {
  const ld = (node: Record<string, unknown>) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', ...node })}</script>`;

  it('takes the name of a Wikipedia-like page, whose headline is a description', async () => {
    const head = `<title>Kessar River - Wikipedia</title>${ld({
      name: 'Kessar River', headline: 'river in Veldria and Ostria', publisher: { '@type': 'Organization', name: 'Wikimedia Foundation, Inc.' },
    })}`;
    const draft = await draftOf(page(head, ARTICLE.replace('Heading', 'Kessar River')));
    expect(draft.title).toBe('Kessar River');
  });

  it('falls back to og:title when the headline is the site name', async () => {
    const head = `<meta property="og:title" content="Harbour budget agreed | Aurel Evening Post"><meta property="og:site_name" content="Aurel Evening Post">
      ${ld({ headline: 'Aurel Evening Post' })}`;
    const draft = await draftOf(page(head, ARTICLE));
    expect(draft.title).toBe('Harbour budget agreed');
  });

  it('falls back to og:title when the headline agrees with no title the page shows', async () => {
    const head = `<title>Ferry strike called off - Post</title><meta property="og:title" content="Ferry strike called off">${ld({ headline: 'Latest news and analysis' })}`;
    const draft = await draftOf(page(head, ARTICLE.replace('Heading', 'Ferry strike called off')));
    expect(draft.title).toBe('Ferry strike called off');
  });

  it('keeps a news headline that the <title> or the <h1> confirms', async () => {
    // The <title> is shortened for search engines; the <h1> shares most words with the headline.
    const head = `<title>Ferry strike off | Post</title>${ld({ '@type': 'NewsArticle', headline: 'Ferry strike called off after overnight talks in Port Aurel' })}`;
    const body = ARTICLE.replace('Heading', 'Ferry strike called off after talks in Port Aurel');
    const draft = await draftOf(page(head, body));
    expect(draft.title).toBe('Ferry strike called off after overnight talks in Port Aurel');
  });
});
