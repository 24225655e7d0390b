import type { Blockquote, Html, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring/quote-selector';
import type { Actor } from '../domain/actor';
import type { Annotation } from '../domain/annotation';
import type { Article } from '../domain/article';
import type { Claim } from '../domain/claim';
import { articleToMarkdown } from './article-markdown';
import { FSI, hasRtl, inArticleDirection, isolate, LRM, PDI } from './bidi';
import { buildReport, reportToMarkdown, type ReportInput } from './project-report';
import { reportOptionsSchema } from './report-options';

const stamp = '2026-10-01T09:00:00.000Z';
const ARABIC = 'أعلن المصرف المركزي خفض نسبة الاحتياطي.\n\nوقال وزير المالية إن القرار </div><script>alert(1)</script> جاء في وقته.';
const HEBREW = 'הבנק המרכזי הודיע על הפחתת הריבית.\n\nשר האוצר אמר כי ההחלטה נכונה.';
const ENGLISH = 'The central bank cut its reserve ratio.\n\nThe minister welcomed the decision.';

const article = (id: string, text: string, extra: Partial<Article>): Article => ({
  id, title: `Title ${id}`, source: '', url: '', published: '2024-05-14', text, status: 'todo', note: '', createdAt: stamp, updatedAt: stamp, ...extra,
});
function annotation(id: string, owner: Article, passage: string, extra: Partial<Annotation> = {}): Annotation {
  const start = owner.text.indexOf(passage);
  if (start < 0) throw new Error(`no "${passage}"`);
  return { id, articleId: owner.id, kind: 'highlight', target: describeRange(owner.text, start, start + passage.length), tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp, ...extra };
}
const actor = (id: string, name: string, extra: Partial<Actor> = {}): Actor => ({ id, name, kind: 'person', aliases: [], description: '', affiliationId: null, note: '', createdAt: stamp, updatedAt: stamp, ...extra });

function fixture(): ReportInput {
  const ar = article('ar', ARABIC, { title: 'المصرف المركزي يخفض الاحتياطي', source: 'وكالة الأنباء', language: 'ar', direction: 'rtl', url: 'https://example.org/ar' });
  const he = article('he', HEBREW, { title: 'הריבית ירדה', source: 'הארץ', language: 'he', direction: 'rtl', published: '2024-05-15' });
  // Mixed: an English article whose title quotes Arabic; a Latin article with no direction stored.
  const en = article('en', ENGLISH, { title: 'Bank cuts ratio (المصرف) 2024', source: 'Wire', language: 'en', direction: 'ltr', published: '2024-05-16' });
  const minister = actor('x1', 'محمد العلي', { description: 'وزير المالية', aliases: ['أبو علي'] });
  const claim: Claim = { speakerId: 'x1', form: 'paraphrase', medium: 'بيان', reliability: null, credibility: null, verification: 'unverified', links: [] };
  return {
    projectName: 'Languages',
    projectNotes: '',
    actors: [minister, actor('x2', 'Dana Levi')],
    tags: [{ id: 't1', name: 'اقتصاد', color: '#ff0000', parentId: null, hotkey: null }],
    articles: [
      { article: ar, annotations: [annotation('a1', ar, 'أعلن المصرف المركزي خفض نسبة الاحتياطي.', { tags: ['t1'], note: 'ملاحظة' }), annotation('a2', ar, 'وقال وزير المالية إن القرار </div><script>alert(1)</script> جاء في وقته.', { kind: 'claim', claim })] },
      { article: he, annotations: [annotation('h1', he, 'הבנק המרכזי הודיע על הפחתת הריבית.')] },
      { article: en, annotations: [annotation('e1', en, 'The minister welcomed the decision.'), annotation('m1', en, 'minister', { kind: 'actor', actorId: 'x1' })] },
    ],
    generatedAt: stamp,
  };
}

const options = reportOptionsSchema.parse({ scope: { kind: 'project' } });

/** The blockquotes of a parsed report, each with the `<div …>` HTML block right before it, if any. */
function quotesWithWrapper(tree: Root): { quote: string; opener: string | null; closer: string | null }[] {
  const out: { quote: string; opener: string | null; closer: string | null }[] = [];
  tree.children.forEach((node: RootContent, i) => {
    if (node.type !== 'blockquote') return;
    const before = tree.children[i - 1];
    const after = tree.children[i + 1];
    out.push({
      quote: (node as Blockquote).children.map((c) => toString(c)).join('\n\n'),
      opener: before?.type === 'html' ? (before as Html).value : null,
      closer: after?.type === 'html' ? (after as Html).value : null,
    });
  });
  return out;
}

/**
 * The strong direction a date's digits see before them, as the bidi algorithm's rule W2 looks:
 * back to the first strong letter, stepping over isolates (FSI … PDI) whole. 'R' turns the
 * digits into Arabic numbers, which is how 2024-05-14 comes to show as 14-05-2024.
 */
function strongBefore(line: string, index: number): 'L' | 'R' | 'start' {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const ch = line[i]!;
    if (ch === PDI) depth++;
    else if (ch === FSI || ch === '\u2066' || ch === '\u2067') depth--;
    else if (depth > 0) continue;
    else if (ch === LRM) return 'L';
    else if (hasRtl(ch) && /\p{L}/u.test(ch)) return 'R';
    else if (/\p{L}/u.test(ch)) return 'L';
  }
  return 'start';
}

/** Every date of a Markdown text, with what its digits see and whether it sits in a right-to-left block. */
function datesIn(markdown: string): { date: string; before: string; inRtlBlock: boolean }[] {
  const found: { date: string; before: string; inRtlBlock: boolean }[] = [];
  let rtl = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('<div dir="rtl"')) rtl = true;
    if (line === '</div>') rtl = false;
    for (const m of line.matchAll(/\d{4}-\d{2}-\d{2}/g)) found.push({ date: m[0], before: strongBefore(line, m.index), inRtlBlock: rtl });
  }
  return found;
}

describe('isolate', () => {
  it('wraps right-to-left values only, and strips directional controls that could leak', () => {
    expect(isolate('محمد العلي')).toBe(`${FSI}محمد العلي${PDI}`);
    expect(isolate('Dana Levi')).toBe('Dana Levi');
    expect(isolate('Wire \u202Eevil')).toBe('Wire evil');
    expect(isolate('שלום\u2069 world')).toBe(`${FSI}שלום world${PDI}`);
  });

  it('writes no div for a left-to-right article, and no lang it cannot trust', () => {
    const quote: RootContent = { type: 'blockquote', children: [] };
    expect(inArticleDirection({ direction: 'ltr', language: 'en' }, [quote])).toEqual([quote]);
    expect(inArticleDirection({ direction: undefined, language: 'ar' }, [quote])).toEqual([quote]);
    expect(inArticleDirection({ direction: 'rtl', language: 'ar" onmouseover="x' }, [quote])[0]).toEqual({ type: 'html', value: '<div dir="rtl">' });
  });
});

describe('a report on Arabic, Hebrew and mixed articles', () => {
  const markdown = reportToMarkdown(buildReport(fixture(), options));
  const tree = fromMarkdown(markdown) as Root;

  it('quotes each right-to-left article inside a div with its direction and language, exactly', () => {
    const quotes = quotesWithWrapper(tree);
    const arabic = quotes.filter((q) => q.quote.startsWith('أعلن') || q.quote.startsWith('وقال'));
    expect(arabic.length).toBeGreaterThanOrEqual(2);
    for (const q of arabic) expect(q).toMatchObject({ opener: '<div dir="rtl" lang="ar">', closer: '</div>' });
    expect(quotes.find((q) => q.quote.startsWith('הבנק'))).toMatchObject({ opener: '<div dir="rtl" lang="he">', closer: '</div>' });
    expect(quotes.find((q) => q.quote.startsWith('The minister'))).toMatchObject({ opener: null, closer: null });
    // The passage that holds </div><script> is text inside its quote, not HTML.
    expect(quotes.map((q) => q.quote)).toContain('وقال وزير المالية إن القرار </div><script>alert(1)</script> جاء في وقته.');
  });

  it('writes no HTML but its own div blocks, whatever the articles hold', () => {
    const html: string[] = [];
    const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') html.push(node.value!);
      (node.children as (typeof node)[] | undefined)?.forEach(visit);
    };
    visit(tree as never);
    expect(new Set(html)).toEqual(new Set(['<div dir="rtl" lang="ar">', '<div dir="rtl" lang="he">', '</div>']));
  });

  it('isolates Arabic and Hebrew names, titles and sources in its own lines, which stay valid Markdown', () => {
    const text = toString(tree);
    expect(text).toContain(`${FSI}المصرف المركزي يخفض الاحتياطي${PDI}, ${FSI}وكالة الأنباء${PDI}, 2024-05-14, paragraph 1`);
    expect(text).toContain(`${LRM}${FSI}محمد العلي${PDI} (person, ${FSI}وزير المالية${PDI}) — 1 mention; also named “${FSI}أبو علي${PDI}”`);
    // The actor's name is still bold once parsed: the marks do not break the emphasis.
    expect(markdown).toContain(`**${FSI}محمد العلي${PDI}**`);
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => toString(h));
    expect(headings).toEqual(expect.arrayContaining([`${FSI}محمد العلي${PDI}`, `${FSI}اقتصاد${PDI}`]));
  });

  it('never leaves a date where Arabic or Hebrew letters would turn it into 14-05-2024', () => {
    const dates = datesIn(markdown);
    expect(dates.map((d) => d.date)).toEqual(expect.arrayContaining(['2024-05-14', '2024-05-15', '2024-05-16']));
    for (const d of dates) {
      expect(d.inRtlBlock, d.date).toBe(false);
      expect(d.before, d.date).not.toBe('R');
    }
    // The test can fail: without isolation the same line puts Arabic right before the date.
    expect(strongBefore('Source: المصرف, وكالة, 2024-05-14', 'Source: المصرف, وكالة, '.length)).toBe('R');
  });
});

describe('the Markdown of one Hebrew article', () => {
  const he = article('he', HEBREW, { title: 'הריבית ירדה', source: 'הארץ', language: 'he', direction: 'rtl', byline: 'דנה לוי, תל אביב' });
  const markdown = articleToMarkdown(he, [annotation('h1', he, 'שר האוצר אמר כי ההחלטה נכונה.')]);
  const tree = fromMarkdown(markdown) as Root;

  it('has its title, source and byline isolated, and its passage in a right-to-left block', () => {
    expect(toString(tree.children[0]!)).toBe(`${FSI}הריבית ירדה${PDI}`);
    expect(toString(tree.children[1]!)).toBe(`Source: ${FSI}הארץ${PDI}, published 2024-05-14`);
    expect(toString(tree.children[2]!)).toBe(`Byline: ${FSI}דנה לוי, תל אביב${PDI}`);
    expect(quotesWithWrapper(tree)).toEqual([{ quote: 'שר האוצר אמר כי ההחלטה נכונה.', opener: '<div dir="rtl" lang="he">', closer: '</div>' }]);
    for (const d of datesIn(markdown)) expect(d.before).not.toBe('R');
  });
});
