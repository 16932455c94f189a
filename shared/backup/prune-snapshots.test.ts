import { describe, expect, it } from 'vitest';
import { createSnapshot, initRepository, pruneSnapshots, restoreSnapshot, TEST_ONLY_WEAK_KDF, verifyRepository } from './index';
import { MemoryRepoStore } from './memory-store';
import { snapshotsToKeep } from './prune-snapshots';
import { MemoryExport, memoryExport } from './test-export';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

describe('retention', () => {
  it('keeps the newest snapshot of each of the last N days and weeks', () => {
    const snaps = [20, 19, 19, 18, 12, 5].map((d, i) => ({ id: `s${String(i)}`, createdAt: day(d).toISOString() }));
    expect([...snapshotsToKeep(snaps, { keepDaily: 2 })].sort()).toEqual(['s0', 's1']);
    expect([...snapshotsToKeep(snaps, { keepWeekly: 3 })].sort()).toEqual(['s0', 's4', 's5']);
    expect([...snapshotsToKeep(snaps, {})]).toEqual(['s0']);
  });

  it('never removes a pack a kept snapshot references; kept snapshots still restore and verify', async () => {
    const store = new MemoryRepoStore();
    const init = await initRepository(store, 'pw', { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true });
    if (!init.ok) throw new Error(init.error.kind);
    const repo = init.value;
    const exports: MemoryExport[] = [];
    for (let d = 1; d <= 4; d++) {
      const rows = Array.from({ length: 300 }, (_, i) => ({ id: `r${String(i)}`, v: i < 10 * d ? d : 0 }));
      const ex = await memoryExport(rows, [new Uint8Array(600_000).fill(d)]);
      exports.push(ex);
      const made = await createSnapshot(repo, ex, { now: () => day(d) });
      if (!made.ok) throw new Error(made.error.kind);
    }
    const packsBefore = (await store.list('packs')).length;
    const report = await pruneSnapshots(repo, { keepDaily: 2 });
    if (!report.ok) throw new Error(report.error.kind);
    expect(report.value.removedSnapshots).toHaveLength(2);
    expect(report.value.removedPacks).toBeGreaterThan(0);
    expect((await store.list('packs')).length).toBeLessThan(packsBefore);
    expect((await verifyRepository(store, { level: 2, password: 'pw', allowWeakKdf: true })).ok).toBe(true);
    for (const id of report.value.kept) {
      const sink = new MemoryExport();
      expect((await restoreSnapshot(repo, id, sink)).ok).toBe(true);
    }
    const latest = new MemoryExport();
    await restoreSnapshot(repo, 'latest', latest);
    expect([...latest.files].every(([p, b]) => Buffer.compare(b, exports[3]?.files.get(p) ?? new Uint8Array()) === 0)).toBe(true);
  });
});
