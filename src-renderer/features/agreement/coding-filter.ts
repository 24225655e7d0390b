import { useSyncExternalStore } from 'react';
import { analystOf } from '../../../src-shared/agreement/analyst';
import type { Annotation } from '../../../src-shared/domain/annotation';

/**
 * Which annotations the reader shows: all of them; only the analyst's own, so that coding an
 * article assigned to several analysts stays independent; or only the agreed (curated) set.
 */
export type CodingFilter = 'all' | 'mine' | 'agreed';

export const CODING_FILTER_LABELS: Record<CodingFilter, string> = {
  all: 'All annotations',
  mine: 'Only mine (hide other analysts’)',
  agreed: 'Agreed set only',
};

const KEY = 'workbench.codingFilter';
const listeners = new Set<() => void>();
let current: CodingFilter = readStored();

function readStored(): CodingFilter {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value === 'mine' || value === 'agreed' ? value : 'all';
  } catch {
    return 'all';
  }
}

export function setCodingFilter(value: CodingFilter): void {
  current = value;
  try {
    globalThis.localStorage?.setItem(KEY, value);
  } catch {
    // Storage refused (private mode): the choice lasts for this session only.
  }
  for (const listener of listeners) listener();
}

/** The reader's filter, shared by the control in the reader header and the open article's session. */
export function useCodingFilter(): CodingFilter {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/**
 * The annotations the reader shows under `filter`. "Mine" keeps the annotations the analyst
 * created and those without an author (made before authorship was recorded, so nobody else's).
 */
export function applyCodingFilter(annotations: Annotation[], filter: CodingFilter, me: string | null): Annotation[] {
  if (filter === 'agreed') return annotations.filter((a) => a.curated);
  if (filter === 'mine') {
    return annotations.filter((a) => {
      if (a.curated) return false;
      const author = analystOf(a);
      return author === null || author === me;
    });
  }
  return annotations;
}
