import type { PullResponse } from '../../shared/sync/protocol';
import type { PullRows } from '../store/store';

/**
 * One pull page from rows read in one snapshot: the store fetched up to `limit + 1` records and `limit + 1`
 * conflicts with version > since; records and conflicts share one version counter, so merging them by version
 * and cutting at `limit` gives a page that never splits or skips a version.
 */
export function pullPage(rows: PullRows, limit: number): PullResponse {
  type Item = { version: number; take: () => void };
  const changes: PullResponse['changes'] = [];
  const conflicts: PullResponse['conflicts'] = [];
  const items: Item[] = [
    ...rows.changes.map((c) => ({ version: c.version, take: () => changes.push(c) })),
    ...rows.conflicts.map((c) => ({ version: c.version, take: () => conflicts.push(c) })),
  ].sort((a, b) => a.version - b.version);
  const page = items.slice(0, limit);
  for (const item of page) item.take();
  const hasMore = items.length > limit;
  const lastVersion = page.at(-1)?.version ?? 0;
  return {
    epoch: rows.epoch,
    version: hasMore ? lastVersion : Math.max(lastVersion, rows.currentVersion),
    changes,
    conflicts,
    hasMore,
  };
}
