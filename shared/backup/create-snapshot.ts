/** Writes a new snapshot of an export folder (packs first, manifest last), then reads it back. */
import { notImplemented } from './not-implemented';
import type { Repository } from './repository';
import type { BackupResult, ExportSource, ProgressOptions, SnapshotInfo } from './types';

/** Options of createSnapshot. */
export interface CreateOptions extends ProgressOptions {
  /** Read back the new packs and manifest after writing (default true). */
  readonly verifyAfterWrite?: boolean;
  readonly now?: () => Date;
}

/** Backs up an export: unchanged buckets and known attachments are reused, so only changes are written. */
export function createSnapshot(repo: Repository, source: ExportSource, options: CreateOptions = {}): Promise<BackupResult<SnapshotInfo>> {
  return notImplemented(repo, source, options);
}
