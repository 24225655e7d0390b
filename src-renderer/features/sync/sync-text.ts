import type { SyncStatus } from '../../../src-shared/domain/sync';

/** "just now", "5 min ago", "3 h ago", or the date. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The sync status line: when the project last synced and what that brought in, or progress. */
export function syncLine(status: SyncStatus, now = Date.now()): string {
  if (status.running) {
    const p = status.progress;
    if (!p) return 'Syncing…';
    return `Syncing: ${p.phase}${p.total > 0 ? ` ${p.loaded.toLocaleString('en')} of ${p.total.toLocaleString('en')}` : ''}…`;
  }
  if (!status.shared) return 'Not shared';
  if (!status.lastSyncAt) return 'Shared, not synced yet';
  const parts = [`Synced ${ago(status.lastSyncAt, now)}`];
  parts.push(status.lastBroughtIn ? `brought in ${status.lastBroughtIn}` : 'nothing new came in');
  if (status.lastSent) parts.push(`sent ${status.lastSent}`);
  if (status.conflictCount > 0) parts.push(`${status.conflictCount} ${status.conflictCount === 1 ? 'conflict' : 'conflicts'} to resolve`);
  return parts.join(' · ');
}
