/** Restores a snapshot into an export folder. */
import { notImplemented } from './not-implemented';
import type { Repository } from './repository';
import type { BackupResult, ExportSink, ProgressOptions, SnapshotInfo } from './types';

/** Writes the snapshot's files into the sink byte for byte (manifest.json last); 'latest' = newest readable. */
export function restoreSnapshot(repo: Repository, snapshotId: string, sink: ExportSink, options: ProgressOptions = {}): Promise<BackupResult<SnapshotInfo>> {
  return notImplemented(repo, snapshotId, sink, options);
}
