import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeRange } from '../src-shared/anchoring/quote-selector';
import type { Annotation } from '../src-shared/domain/annotation';
import type { Article } from '../src-shared/domain/article';
import { ARTICLE_FORMAT, PROJECT_FORMAT } from '../src-main/store/file-schemas';

/** Made-up sentences, recombined into synthetic articles of about 5,000 characters. */
const SENTENCES = [
  'The foreign minister said the talks had been frank and useful.',
  'Officials from both governments declined to give a date for the next round.',
  'A spokesperson for the Secretary-General urged restraint on all sides.',
  'Diplomats who asked not to be named said neither side had moved.',
  'The ministry announced new exercises near the border on Monday.',
  'Parliament voted to extend the ban on imports for another year.',
  'The president is expected to address the assembly on Thursday.',
  'Analysts said the statement repeated language used in March.',
  'The two ministers met for ninety minutes on the sidelines of the summit.',
  'A post on social media an hour later described the meeting as overdue.',
];

function makeText(seed: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  let i = seed;
  while (length < 5000) {
    const sentences = Array.from({ length: 4 }, () => SENTENCES[i++ % SENTENCES.length]!);
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

export function makeArticleFile(index: number): { article: Article; annotations: Annotation[] } {
  const id = randomUUID();
  const stamp = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  const text = makeText(index);
  const article: Article = {
    id,
    title: `Synthetic article ${index}`,
    source: 'Synthetic Wire',
    url: `https://example.org/synthetic/${index}`,
    published: '2026-01-01',
    text,
    status: 'todo',
    note: '',
    createdAt: stamp,
    updatedAt: stamp,
  };
  const annotations: Annotation[] = Array.from({ length: 10 }, (_, k) => {
    const start = Math.floor((text.length / 10) * k);
    const end = Math.min(text.length, start + 40);
    const target = describeRange(text, text[start] === ' ' ? start + 1 : start, end);
    return { id: randomUUID(), articleId: id, kind: 'highlight', target, tags: [], note: '', status: 'draft', actorId: null, claim: null, anchor: 'anchored', createdAt: stamp, updatedAt: stamp };
  });
  return { article, annotations };
}

/** Writes a project of `count` articles straight to disk (set-up, not measured). */
export async function writeSyntheticProject(dir: string, count: number): Promise<string[]> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  await writeFile(
    join(dir, 'project.json'),
    JSON.stringify({ schemaVersion: PROJECT_FORMAT, id: randomUUID(), name: 'Synthetic', createdAt: new Date().toISOString(), notes: '', actors: [], tags: [], settings: {} }),
  );
  const ids: string[] = [];
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const file = makeArticleFile(i);
    ids.push(file.article.id);
    batch.push(writeFile(join(dir, 'articles', `${file.article.id}.json`), `${JSON.stringify({ schemaVersion: ARTICLE_FORMAT, ...file }, null, 2)}\n`));
    if (batch.length >= 200) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return ids;
}
