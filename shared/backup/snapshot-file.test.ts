import { describe, expect, it } from 'vitest';
import { initRepository, TEST_ONLY_WEAK_KDF } from './index';
import { MemoryRepoStore } from './memory-store';
import { decodeSnapshot, encodeSnapshot, type SnapshotManifest, type SnapshotPublic } from './snapshot-file';

const ID = 'ab'.repeat(32);

async function repo() {
  const r = await initRepository(new MemoryRepoStore(), 'pw', { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

const pub: SnapshotPublic = { seq: 1, id: '0123456789abcdef', createdAt: '2026-11-28T00:00:00.000Z', packs: [['cd'.repeat(32), 1000]] };
const manifest: SnapshotManifest = {
  version: 1,
  parent: null,
  chunks: [[ID, 0, 24, 100], [ID.replace('a', 'c'), 0, 124, 28]],
  files: [{ path: 'invoices.ndjson', size: 72, chunks: [0], buckets: [[3, 'id-1']] }, { path: 'manifest.json', size: 0, chunks: [1] }],
  totals: { bytes: 72, bytesWritten: 1000 },
};

describe('snapshot manifests', () => {
  it('round-trip through the sealed snapshot file', async () => {
    const r = await repo();
    expect(await decodeSnapshot(r, await encodeSnapshot(r, pub, manifest))).toEqual({ pub, manifest });
  });

  // Sealed with the right key, so only the structural check stands between these and a restore.
  it.each([
    ['a chunk id that is not 64 hex digits', { chunks: [['xyz', 0, 24, 100]] }],
    ['a negative offset', { chunks: [[ID, 0, -1, 100]] }],
    ['a fractional length', { chunks: [[ID, 0, 24, 1.5]] }],
    ['a chunk reference of three fields', { chunks: [[ID, 0, 24]] }],
    ['a file chunk index that is text', { files: [{ path: 'invoices.ndjson', size: 1, chunks: ['0'] }] }],
    ['a bucket without its first key', { files: [{ path: 'invoices.ndjson', size: 1, chunks: [0], buckets: [[3]] }] }],
    ['a chunk past the end of its pack', { chunks: [[ID, 0, 990, 100]] }],
  ])('refuse %s', async (_, change) => {
    const r = await repo();
    const bad = { ...manifest, ...change } as unknown as SnapshotManifest;
    expect(await decodeSnapshot(r, await encodeSnapshot(r, pub, bad))).toBeNull();
  });
});
