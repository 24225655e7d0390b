import { fold } from '../fold';
import type { ClaimSuggestion, Suggestion } from '../suggestion';
import type { GoldArticle, GoldClaim } from './gold';

/** Counts for precision and recall. */
export interface Counts {
  tp: number;
  /** Predicted. */
  pred: number;
  /** In the gold set. */
  gold: number;
}

/** Scores of the engine on a set of gold articles (micro-averaged: every mention and quote weighs the same). */
export interface Scores {
  mentions: { person: Counts; organization: Counts; state: Counts; overall: Counts; spanOnly: Counts };
  quotes: { exact: Counts; overlap: Counts; directExact: Counts; directOverlap: Counts };
  speakers: { all: { right: number; total: number }; direct: { right: number; total: number } };
  /** What went wrong, for reading: one line per error. */
  errors: { article: string; kind: 'mention-missed' | 'mention-extra' | 'quote-missed' | 'quote-extra' | 'speaker'; detail: string }[];
}

const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 });

/** An empty score sheet. */
export function emptyScores(): Scores {
  return {
    mentions: { person: zero(), organization: zero(), state: zero(), overall: zero(), spanOnly: zero() },
    quotes: { exact: zero(), overlap: zero(), directExact: zero(), directOverlap: zero() },
    speakers: { all: { right: 0, total: 0 }, direct: { right: 0, total: 0 } },
    errors: [],
  };
}

/** Precision, recall and F1 of counts (1 when there is nothing to find and nothing was found). */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.pred === 0 ? (c.gold === 0 ? 1 : 0) : c.tp / c.pred;
  const r = c.gold === 0 ? 1 : c.tp / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Adds one article's comparison to the score sheet. */
export function scoreArticle(scores: Scores, gold: GoldArticle, suggestions: readonly Suggestion[]): void {
  const text = gold.text;
  const predicted = suggestions.flatMap((s) => (s.type === 'actor' ? s.mentions.map((m) => ({ ...m, kind: s.actorKind })) : []));
  const goldKey = new Map(gold.mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const predKey = new Map(predicted.map((m) => [`${m.start}:${m.end}`, m]));
  for (const kind of ['person', 'organization', 'state'] as const) {
    const c = scores.mentions[kind];
    c.gold += gold.mentions.filter((m) => m.kind === kind).length;
    c.pred += predicted.filter((m) => m.kind === kind).length;
    c.tp += predicted.filter((m) => m.kind === kind && goldKey.get(`${m.start}:${m.end}`)?.kind === kind).length;
  }
  const o = scores.mentions.overall;
  o.gold += gold.mentions.length;
  o.pred += predicted.length;
  o.tp += predicted.filter((m) => goldKey.get(`${m.start}:${m.end}`)?.kind === m.kind).length;
  const s = scores.mentions.spanOnly;
  s.gold += gold.mentions.length;
  s.pred += predicted.length;
  s.tp += predicted.filter((m) => goldKey.has(`${m.start}:${m.end}`)).length;
  for (const m of gold.mentions) if (predKey.get(`${m.start}:${m.end}`)?.kind !== m.kind) scores.errors.push({ article: gold.name, kind: 'mention-missed', detail: `${m.kind} "${text.slice(m.start, m.end)}"${predKey.has(`${m.start}:${m.end}`) ? ` (found as ${predKey.get(`${m.start}:${m.end}`)!.kind})` : ''}` });
  for (const m of predicted) if (!goldKey.has(`${m.start}:${m.end}`)) scores.errors.push({ article: gold.name, kind: 'mention-extra', detail: `${m.kind} "${m.text}"` });

  const claims = suggestions.filter((x): x is ClaimSuggestion => x.type === 'claim');
  scoreQuotes(scores, gold, claims);
}

function scoreQuotes(scores: Scores, gold: GoldArticle, claims: readonly ClaimSuggestion[]): void {
  const q = scores.quotes;
  q.exact.gold += gold.claims.length;
  q.overlap.gold += gold.claims.length;
  q.exact.pred += claims.length;
  q.overlap.pred += claims.length;
  const direct = gold.claims.filter((c) => c.form === 'direct');
  q.directExact.gold += direct.length;
  q.directOverlap.gold += direct.length;
  const taken = new Set<ClaimSuggestion>();
  const matchedDirect = new Set<ClaimSuggestion>();
  for (const g of gold.claims) {
    // One-to-one: each gold claim takes the unused prediction that overlaps it most.
    let best: ClaimSuggestion | null = null;
    let bestOverlap = 0;
    for (const c of claims) {
      if (taken.has(c)) continue;
      const overlap = Math.min(g.end, c.span.end) - Math.max(g.start, c.span.start);
      if (overlap > bestOverlap) {
        best = c;
        bestOverlap = overlap;
      }
    }
    const snippet = gold.text.slice(g.start, Math.min(g.end, g.start + 60));
    if (best === null) {
      scores.errors.push({ article: gold.name, kind: 'quote-missed', detail: `${g.form} "${snippet}" (${g.speaker ?? 'nobody'})` });
      continue;
    }
    taken.add(best);
    const exact = best.span.start === g.start && best.span.end === g.end;
    q.overlap.tp++;
    if (exact) q.exact.tp++;
    if (g.form === 'direct') {
      matchedDirect.add(best);
      q.directOverlap.tp++;
      if (exact) q.directExact.tp++;
    }
    const right = speakerRight(gold, g, best);
    scores.speakers.all.total++;
    if (right) scores.speakers.all.right++;
    if (g.form === 'direct') {
      scores.speakers.direct.total++;
      if (right) scores.speakers.direct.right++;
    }
    if (!right) scores.errors.push({ article: gold.name, kind: 'speaker', detail: `"${snippet}": ${best.speaker?.name ?? 'nobody'}, should be ${g.speaker ?? 'nobody'}` });
  }
  for (const c of claims) {
    if (!taken.has(c)) scores.errors.push({ article: gold.name, kind: 'quote-extra', detail: `${c.form} "${c.span.text.slice(0, 60)}"` });
    // Direct-quote precision counts predictions that matched a direct gold quote, or that call themselves direct.
    if (c.form === 'direct' || matchedDirect.has(c)) {
      q.directExact.pred++;
      q.directOverlap.pred++;
    }
  }
}

/** A speaker is right when the engine's name is the gold speaker's name or a form the article uses for it. */
function speakerRight(gold: GoldArticle, g: GoldClaim, c: ClaimSuggestion): boolean {
  if (g.speaker === null) return c.speaker === null;
  if (c.speaker === null) return false;
  const forms = new Set([fold(g.speaker), ...gold.mentions.filter((m) => m.canonical === g.speaker).map((m) => fold(gold.text.slice(m.start, m.end)))]);
  return forms.has(fold(c.speaker.name));
}
