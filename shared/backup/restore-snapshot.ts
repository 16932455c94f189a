/*
 * Restores a snapshot into an export folder. Every chunk is decrypted and authenticated before its file is
 * written; when any chunk is damaged, manifest.json is not written (so the sink never looks like a complete
 * export) and the error names the damaged files, records and attachments.
 */
import { err, ok } from '../domain/result';
import { concatBytes } from './bytes';
import { DamageLog } from './damage';
import { chunkIdBytes, openChunk } from './pack';
import { PackCache } from './pack-cache';
import type { Repository } from './repository';
import { PACKS_DIR, type Snapshot } from './snapshot-file';
import { loadSnapshot, snapshotFiles, snapshotInfo } from './snapshot-store';
import type { BackupResult, ExportSink, ProgressOptions, SnapshotInfo } from './types';

/** Finds a snapshot by id, or the newest readable one for 'latest'. */
export async function resolveSnapshot(repo: Repository, snapshotId: string): Promise<BackupResult<{ snap: Snapshot; size: number }>> {
  const files = await snapshotFiles(repo.store);
  const candidates = snapshotId === 'latest' ? files.reverse() : files.filter((f) => f.id === snapshotId);
  for (const file of candidates) {
    const snap = await loadSnapshot(repo, file);
    if (snap) return ok({ snap, size: (await repo.store.size(file.path)) ?? 0 });
    if (snapshotId !== 'latest') return err({ kind: 'damaged', files: [{ path: file.path, problem: 'hash-mismatch' }], records: [], attachments: [], intactSnapshots: [] });
  }
  return err(snapshotId === 'latest' ? { kind: 'no-snapshot' } : { kind: 'no-snapshot', snapshotId });
}

/** Writes the snapshot's files into the sink byte for byte (manifest.json last); 'latest' = newest readable. */
export async function restoreSnapshot(repo: Repository, snapshotId: string, sink: ExportSink, options: ProgressOptions = {}): Promise<BackupResult<SnapshotInfo>> {
  const found = await resolveSnapshot(repo, snapshotId);
  if (!found.ok) return found;
  const { snap, size } = found.value;
  const { manifest, pub } = snap;
  const cache = new PackCache(repo.store);
  const damage = new DamageLog();
  const total = manifest.totals.bytes;
  let done = 0;
  const ordered = [...manifest.files.filter((f) => f.path !== 'manifest.json'), ...manifest.files.filter((f) => f.path === 'manifest.json')];
  for (const file of ordered) {
    if (options.signal?.aborted === true) return err({ kind: 'cancelled' });
    const parts: Uint8Array[] = [];
    for (const [position, index] of file.chunks.entries()) {
      const chunk = manifest.chunks[index];
      const pack = chunk ? pub.packs[chunk[1]] : undefined;
      if (!chunk || !pack) continue; // decodeSnapshot checked every reference
      const [id, , offset, length] = chunk;
      const packPath = `${PACKS_DIR}/${pack[0]}.pk`;
      const bytes = await cache.get(pack[0]);
      if (bytes === null || bytes.length < offset + length) {
        damage.file(packPath, bytes === null ? 'missing' : 'truncated');
        damage.chunk(file, position);
        continue;
      }
      const plain = await openChunk(repo, chunkIdBytes(id), bytes.subarray(offset, offset + length));
      if (plain === null) {
        damage.file(packPath, 'undecryptable');
        damage.chunk(file, position);
        continue;
      }
      parts.push(plain);
    }
    const bytes = concatBytes(parts);
    if (!damage.isEmpty) continue;
    if (bytes.length !== file.size) return err({ kind: 'damaged', files: [{ path: file.path, problem: 'truncated' }], records: [], attachments: [], intactSnapshots: [] });
    try {
      if (file.path === 'manifest.json') await sink.writeManifest(bytes);
      else if (file.path.startsWith('attachments/')) await sink.writeAttachment(file.path.slice('attachments/'.length), bytes);
      else await sink.writeTable(file.path, bytes);
    } catch (e) {
      return err({ kind: 'io', path: file.path, detail: e instanceof Error ? e.message : String(e) });
    }
    done += bytes.length;
    options.onProgress?.({ phase: 'restore', bytesDone: done, bytesTotal: total });
  }
  return damage.isEmpty ? ok(snapshotInfo(snap, size)) : err(damage.error([]));
}
