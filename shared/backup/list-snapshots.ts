/** Lists a repository's snapshots. */
import { notImplemented } from './not-implemented';
import type { Repository } from './repository';
import type { BackupResult, SnapshotListing } from './types';

/** Readable snapshots oldest first, plus snapshot files that could not be read. */
export function listSnapshots(repo: Repository): Promise<BackupResult<SnapshotListing>> {
  return notImplemented(repo);
}
