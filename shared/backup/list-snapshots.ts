/** Lists a repository's snapshots. */
import { ok } from '../domain/result';
import type { Repository } from './repository';
import { loadSnapshot, snapshotFiles, snapshotInfo } from './snapshot-store';
import type { BackupResult, DamagedFile, SnapshotInfo, SnapshotListing } from './types';

/** Readable snapshots oldest first, plus snapshot files that could not be read. */
export async function listSnapshots(repo: Repository): Promise<BackupResult<SnapshotListing>> {
  const snapshots: SnapshotInfo[] = [];
  const damaged: DamagedFile[] = [];
  for (const file of await snapshotFiles(repo.store)) {
    const snap = await loadSnapshot(repo, file);
    if (snap) snapshots.push(snapshotInfo(snap, (await repo.store.size(file.path)) ?? 0));
    else damaged.push({ path: file.path, problem: 'hash-mismatch' });
  }
  return ok({ snapshots, damaged });
}
