import { describe, expect, it } from 'vitest';
import { createSnapshot, initRepository, listSnapshots, openRepository, restoreSnapshot, TEST_ONLY_WEAK_KDF, type Repository } from './index';
import { MemoryRepoStore } from './memory-store';
import { loadSnapshot, snapshotFiles } from './snapshot-store';
import { MemoryExport, memoryExport } from './test-export';
import { seededRng } from '../demo/random';

const weak = { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true } as const;

function invoices(n: number, seed = 1): Record<string, unknown>[] {
  const rng = seededRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `0190${String(i).padStart(8, '0')}-7000-8000-${String(rng.int(0, 999999)).padStart(12, '0')}`,
    seller: { name: `北京华信科技有限公司${String(i % 17)}`, taxId: '91110108MA01234567' },
    total: rng.int(100, 10_000_000),
    status: 'recorded',
    remarks: 'x'.repeat(rng.int(200, 900)),
  }));
}

function scan(size: number, seed: number): Uint8Array {
  const rng = seededRng(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.int(0, 255);
  out.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return out;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.compare(a, b) === 0;
}

function sameExport(a: MemoryExport, b: MemoryExport): boolean {
  return a.files.size === b.files.size && [...b.files].every(([path, bytes]) => sameBytes(a.files.get(path), bytes));
}

async function setup(): Promise<{ store: MemoryRepoStore; repo: Repository; source: MemoryExport }> {
  const store = new MemoryRepoStore();
  const repo = await initRepository(store, '正确的密码 horse', weak);
  if (!repo.ok) throw new Error(repo.error.kind);
  const source = await memoryExport(invoices(2000), [scan(2_500_000, 1), scan(150_000, 2)]);
  return { store, repo: repo.value, source };
}

/** Per file of snapshot `b`, how many of its chunk ids snapshot `a` does not hold. */
async function chunksNotIn(repo: Repository, a: string, b: string): Promise<Map<string, number>> {
  const files = await snapshotFiles(repo.store);
  const load = async (id: string) => {
    const file = files.find((f) => f.id === id);
    const snap = file ? await loadSnapshot(repo, file) : null;
    if (!snap) throw new Error(`snapshot ${id} does not load`);
    return snap.manifest;
  };
  const [ma, mb] = [await load(a), await load(b)];
  const known = new Set(ma.chunks.map(([id]) => id));
  const out = new Map<string, number>();
  for (const f of mb.files) {
    const fresh = f.chunks.filter((c) => !known.has(mb.chunks[c]?.[0] ?? '')).length;
    if (fresh > 0) out.set(f.path, fresh);
  }
  return out;
}

describe('backup round trip', () => {
  it('restores every file byte for byte, manifest.json included', async () => {
    const { repo, source } = await setup();
    const created = await createSnapshot(repo, source);
    expect(created.ok).toBe(true);
    const sink = new MemoryExport();
    const restored = await restoreSnapshot(repo, 'latest', sink);
    expect(restored.ok).toBe(true);
    expect([...sink.files.keys()].sort()).toEqual([...source.files.keys()].sort());
    for (const [path, bytes] of source.files) expect(sameBytes(sink.files.get(path), bytes), path).toBe(true);
  });

  it('opens with the password and lists the snapshot with its row counts', async () => {
    const { store, repo, source } = await setup();
    await createSnapshot(repo, source);
    const reopened = await openRepository(store, '正确的密码 horse', { allowWeakKdf: true });
    if (!reopened.ok) throw new Error(reopened.error.kind);
    const listing = await listSnapshots(reopened.value);
    if (!listing.ok) throw new Error(listing.error.kind);
    expect(listing.value.snapshots).toHaveLength(1);
    expect(listing.value.snapshots[0]?.tables).toMatchObject({ invoices: 2000, audit: 2000, attachments: 2 });
    expect(listing.value.snapshots[0]?.attachments).toBe(2);
  });

  it('an incremental snapshot writes only changed buckets, and both snapshots restore', async () => {
    const { repo, source } = await setup();
    const first = await createSnapshot(repo, source);
    if (!first.ok) throw new Error(first.error.kind);
    const rows = invoices(2000);
    const originals = invoices(2000);
    for (const i of [5, 700, 1500]) rows[i] = { ...rows[i], status: 'verified' };
    // The audit chain keeps its 2,000 creation rows and gains one row per edit, at the end.
    const edited = await memoryExport(rows, [scan(2_500_000, 1), scan(150_000, 2), scan(50_000, 3)], { created: originals, edits: [5, 700, 1500].map((i) => rows[i] ?? {}) });
    const second = await createSnapshot(repo, edited);
    if (!second.ok) throw new Error(second.error.kind);
    // New chunks: ≤ 3 invoice buckets (the edited rows), the audit chain's tail (its last bucket, plus any the 3
    // appended rows close), the attachments table and the new scan; everything else is the first snapshot's.
    expect(first.value.bytesWritten).toBeGreaterThan(4_000_000);
    const newChunks = await chunksNotIn(repo, first.value.id, second.value.id);
    expect(newChunks.get('invoices.ndjson')).toBeGreaterThanOrEqual(1);
    expect(newChunks.get('invoices.ndjson')).toBeLessThanOrEqual(3);
    expect(newChunks.get('audit.ndjson')).toBeGreaterThanOrEqual(1);
    expect(newChunks.get('audit.ndjson')).toBeLessThanOrEqual(4);
    expect([...newChunks.keys()].filter((p) => p.startsWith('attachments/'))).toHaveLength(1);
    expect(second.value.bytesWritten).toBeLessThan(first.value.bytesWritten / 3);
    const a = new MemoryExport();
    const b = new MemoryExport();
    expect((await restoreSnapshot(repo, first.value.id, a)).ok).toBe(true);
    expect((await restoreSnapshot(repo, second.value.id, b)).ok).toBe(true);
    expect(sameExport(a, source)).toBe(true);
    expect(sameExport(b, edited)).toBe(true);
  });

  it('a second snapshot of unchanged data writes no pack', async () => {
    const { store, repo, source } = await setup();
    await createSnapshot(repo, source);
    const packs = (await store.list('packs')).length;
    const again = await createSnapshot(repo, source);
    if (!again.ok) throw new Error(again.error.kind);
    expect((await store.list('packs')).length).toBe(packs);
    expect(again.value.bytesWritten).toBeLessThan(100_000);
  });

  it('an incremental snapshot reads only attachments no earlier chunk holds, and still restores them', async () => {
    const { repo, source } = await setup();
    await createSnapshot(repo, source);
    const edited = await memoryExport(invoices(2000), [scan(2_500_000, 1), scan(150_000, 2), scan(50_000, 3)]);
    const read: string[] = [];
    const counting = Object.assign(Object.create(edited) as MemoryExport, {
      readAttachment: (name: string) => {
        read.push(name);
        return edited.readAttachment(name);
      },
    });
    const second = await createSnapshot(repo, counting);
    if (!second.ok) throw new Error(second.error.kind);
    expect(read).toHaveLength(1);
    const back = new MemoryExport();
    expect((await restoreSnapshot(repo, second.value.id, back)).ok).toBe(true);
    expect(sameExport(back, edited)).toBe(true);
  });
});
