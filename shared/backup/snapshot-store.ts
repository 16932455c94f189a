/** Finding and reading snapshot files, shared by create, list, restore, verify and prune. */
import type { Repository } from './repository';
import type { RepoStore } from './repo-store';
import { decodeSnapshot, parseSnapshotName, SNAPS_DIR, type Snapshot } from './snapshot-file';
import type { SnapshotInfo } from './types';

/** A snapshot file's place in the repository. */
export interface SnapshotFileName {
  readonly seq: number;
  readonly id: string;
  readonly path: string;
}

/** Snapshot files, oldest (lowest seq) first; temp files and strays are ignored. */
export async function snapshotFiles(store: RepoStore): Promise<SnapshotFileName[]> {
  const out: SnapshotFileName[] = [];
  for (const name of await store.list(SNAPS_DIR)) {
    const parsed = parseSnapshotName(name);
    if (parsed) out.push({ ...parsed, path: `${SNAPS_DIR}/${name}` });
  }
  return out.sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id));
}

/** Reads and decodes one snapshot file; null when missing or damaged (or its name disagrees with its content). */
export async function loadSnapshot(repo: Repository, file: SnapshotFileName): Promise<Snapshot | null> {
  const bytes = await repo.store.read(file.path);
  if (bytes === null) return null;
  const snap = await decodeSnapshot(repo, bytes);
  return snap && snap.pub.seq === file.seq && snap.pub.id === file.id ? snap : null;
}

/** What a listing shows of a decoded snapshot. */
export function snapshotInfo(snap: Snapshot, fileSize: number): SnapshotInfo {
  const tables: Record<string, number> = {};
  let attachments = 0;
  for (const f of snap.manifest.files) {
    if (f.buckets) tables[f.path.replace(/\.ndjson$/, '')] = f.buckets.reduce((n, [rows]) => n + rows, 0);
    else if (f.path.startsWith('attachments/')) attachments++;
  }
  return {
    id: snap.pub.id,
    seq: snap.pub.seq,
    createdAt: snap.pub.createdAt,
    bytes: snap.manifest.totals.bytes,
    bytesWritten: snap.manifest.totals.bytesWritten + fileSize,
    tables,
    attachments,
  };
}
