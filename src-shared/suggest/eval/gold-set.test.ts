import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggest } from '../index';
import { parseGold } from './gold';
import { emptyScores, prf, scoreArticle } from './score';

/**
 * Regression floors on the dev part of the gold set (bench/suggest-gold/dev), a little under what
 * the engine scores today (docs/performance.md, "Suggestions"), so a change that makes extraction
 * or attribution worse fails here. The held-out part is not used: it is scored by the benchmark.
 */
const FLOORS = { quoteOverlapF1: 0.95, quoteExactF1: 0.9, directSpeaker: 0.95, allSpeaker: 0.9, mentionF1: 0.92 };

const dir = join(import.meta.dirname, '../../../bench/suggest-gold/dev');
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => parseGold(f, readFileSync(join(dir, f), 'utf8')));

describe('the engine on the dev gold set', () => {
  const scores = emptyScores();
  for (const a of articles) scoreArticle(scores, a, suggest({ text: a.text, language: 'en', actors: a.registry }));
  const rate = (x: { right: number; total: number }) => x.right / x.total;

  it('has enough articles to mean something', () => {
    expect(articles.length).toBeGreaterThanOrEqual(20);
    expect(scores.quotes.overlap.gold).toBeGreaterThanOrEqual(60);
  });

  it('finds the quotes', () => {
    expect(prf(scores.quotes.overlap).f1).toBeGreaterThanOrEqual(FLOORS.quoteOverlapF1);
    expect(prf(scores.quotes.exact).f1).toBeGreaterThanOrEqual(FLOORS.quoteExactF1);
  });

  it('names the speakers', () => {
    expect(rate(scores.speakers.direct)).toBeGreaterThanOrEqual(FLOORS.directSpeaker);
    expect(rate(scores.speakers.all)).toBeGreaterThanOrEqual(FLOORS.allSpeaker);
  });

  it('finds the actor mentions with their kind', () => {
    expect(prf(scores.mentions.overall).f1).toBeGreaterThanOrEqual(FLOORS.mentionF1);
  });
});
