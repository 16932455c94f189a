/** Retention: removes snapshots a policy does not keep, and packs no kept snapshot references. */
import { notImplemented } from './not-implemented';
import type { Repository } from './repository';
import type { BackupResult, PruneReport, RetentionPolicy } from './types';

/** Options of pruneSnapshots. */
export interface PruneOptions {
  /** Only report what would be removed. */
  readonly dryRun?: boolean;
}

/** Applies a retention policy; a pack still referenced by any remaining snapshot file is never removed. */
export function pruneSnapshots(repo: Repository, policy: RetentionPolicy, options: PruneOptions = {}): Promise<BackupResult<PruneReport>> {
  return notImplemented(repo, policy, options);
}
