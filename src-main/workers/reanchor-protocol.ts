import type { AnchorResult } from '../../src-shared/anchoring/reanchor';
import type { TextTarget } from '../../src-shared/domain/annotation';

/** What the main thread sends the re-anchoring worker: one article edit. */
export interface ReanchorJob {
  id: number;
  oldText: string;
  newText: string;
  targets: TextTarget[];
  /** False for a target whose offsets mean nothing (an orphan). */
  placed: boolean[];
}

/** What the worker answers: the results in the targets' order, or why it failed. */
export type ReanchorReply = { id: number; ok: true; results: AnchorResult[] } | { id: number; ok: false; message: string };
