/**
 * Scores re-anchoring on the edit suite: for every case, where the annotation landed against
 * where its passage truly went.
 */
import { reanchor, reanchorAll, type AnchorResult } from '../../src-shared/anchoring/reanchor';
import { CASE_KINDS, type CaseKind, type Scenario, type SuiteCase } from './generate';

/** `edit`: as `articles:update-text` does it, with the old text; `quote`: from the stored selectors alone, as W3C import does. */
export type Mode = 'edit' | 'quote';

export interface KindScore {
  cases: number;
  /** Placed exactly on the passage's true new range. */
  exact: number;
  /** Placed on the (edited) passage: overlapping at least half of the longer of the two ranges. */
  onPassage: number;
  orphaned: number;
  /** Placed somewhere that is not the passage: an unchanged one anywhere but exactly on itself,
   * an edited one not overlapping it at all, a deleted one anywhere. */
  misplaced: number;
}

export interface SuiteScore {
  byKind: Record<CaseKind, KindScore>;
  misplaced: number;
  failures: Miss[];
  /** Misplaced passages, and unchanged or typo passages not placed on themselves (for reading). */
  misses: Miss[];
}

/** One case and where it landed. */
export interface Miss {
  scenario: Scenario;
  item: SuiteCase;
  result: AnchorResult;
}

export function evaluate(scenarios: readonly Scenario[], mode: Mode): SuiteScore {
  const byKind = Object.fromEntries(CASE_KINDS.map((k) => [k, { cases: 0, exact: 0, onPassage: 0, orphaned: 0, misplaced: 0 }])) as Record<CaseKind, KindScore>;
  const failures: Miss[] = [];
  const misses: Miss[] = [];
  for (const scenario of scenarios) {
    const targets = scenario.cases.map((c) => c.target);
    const results = mode === 'edit' ? reanchorAll(scenario.oldText, scenario.newText, targets) : targets.map((t) => reanchor(scenario.newText, t));
    scenario.cases.forEach((item, i) => {
      const result = results[i]!;
      const score = byKind[item.kind];
      score.cases++;
      const missed = item.kind === 'unchanged' || item.kind === 'typo';
      if (result.status === 'orphan') {
        score.orphaned++;
        if (missed) misses.push({ scenario, item, result });
        return;
      }
      const { start, end } = result.target;
      const truth = item.truth;
      const exact = truth !== null && start === truth.start && end === truth.end;
      const overlap = truth ? Math.max(0, Math.min(end, truth.end) - Math.max(start, truth.start)) : 0;
      const on = truth !== null && overlap * 2 >= Math.max(end - start, truth.end - truth.start);
      if (exact) score.exact++;
      if (on) score.onPassage++;
      // An unchanged passage has one right answer; an edited one, anywhere on itself.
      const wrong = item.kind === 'unchanged' ? !exact : overlap === 0;
      if (wrong) {
        score.misplaced++;
        failures.push({ scenario, item, result });
      }
      if (wrong || (missed && !on)) misses.push({ scenario, item, result });
    });
  }
  return { byKind, misplaced: failures.length, failures, misses };
}
