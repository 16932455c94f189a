/*
 * Retention. Snapshot files a policy does not keep are removed first; then packs that no remaining snapshot
 * file lists. Pack lists are read from the snapshot files' public part, so a pack is never removed while any
 * remaining snapshot (kept by the policy, or unreadable and therefore left alone) still lists it; with an
 * unreadable snapshot present no pack is removed at all. One writer at a time: prune must not run during a backup.
 */
import { ok } from '../domain/result';
import type { Repository } from './repository';
import { PACKS_DIR, readSnapshotPublic, type SnapshotPublic } from './snapshot-file';
import { snapshotFiles, type SnapshotFileName } from './snapshot-store';
import type { BackupResult, PruneReport, RetentionPolicy } from './types';

/** Options of pruneSnapshots. */
export interface PruneOptions {
  /** Only report what would be removed. */
  readonly dryRun?: boolean;
}

/** ISO-8601 week ("2026-W48") of a UTC date. */
function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${String(d.getUTCFullYear())}-W${String(week).padStart(2, '0')}`;
}

/** Ids a policy keeps from snapshots given newest first: the newest of each of the last N days/weeks/months. */
export function snapshotsToKeep(newestFirst: readonly { id: string; createdAt: string }[], policy: RetentionPolicy): Set<string> {
  const keep = new Set<string>(newestFirst.slice(0, Math.max(1, policy.keepLast ?? 0)).map((s) => s.id));
  const rules: [number | undefined, (d: Date) => string][] = [
    [policy.keepDaily, (d) => d.toISOString().slice(0, 10)],
    [policy.keepWeekly, isoWeek],
    [policy.keepMonthly, (d) => d.toISOString().slice(0, 7)],
  ];
  for (const [count, period] of rules) {
    const seen = new Set<string>();
    for (const snap of newestFirst) {
      if (seen.size >= (count ?? 0)) break;
      const key = period(new Date(snap.createdAt));
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(snap.id);
    }
  }
  return keep;
}

/** Applies a retention policy; a pack still referenced by any remaining snapshot file is never removed. */
export async function pruneSnapshots(repo: Repository, policy: RetentionPolicy, options: PruneOptions = {}): Promise<BackupResult<PruneReport>> {
  const { store } = repo;
  const readable: { file: SnapshotFileName; pub: SnapshotPublic }[] = [];
  let unreadable = false;
  for (const file of await snapshotFiles(store)) {
    const bytes = await store.read(file.path);
    const head = bytes === null ? null : await readSnapshotPublic(bytes);
    if (head) readable.push({ file, pub: head.pub });
    else unreadable = true;
  }
  const newestFirst = [...readable].reverse();
  const keep = snapshotsToKeep(newestFirst.map((s) => ({ id: s.file.id, createdAt: s.pub.createdAt })), policy);
  const removed = newestFirst.filter((s) => !keep.has(s.file.id));
  const referenced = new Set<string>();
  for (const s of readable) if (keep.has(s.file.id)) for (const [name] of s.pub.packs) referenced.add(name);
  const packNames = unreadable ? [] : (await store.list(PACKS_DIR)).filter((n) => /^[0-9a-f]{64}\.pk$/.test(n) && !referenced.has(n.slice(0, 64)));
  let bytesFreed = 0;
  for (const s of removed) {
    bytesFreed += (await store.size(s.file.path)) ?? 0;
    if (options.dryRun !== true) await store.remove(s.file.path);
  }
  for (const name of packNames) {
    bytesFreed += (await store.size(`${PACKS_DIR}/${name}`)) ?? 0;
    if (options.dryRun !== true) await store.remove(`${PACKS_DIR}/${name}`);
  }
  return ok({
    kept: newestFirst.filter((s) => keep.has(s.file.id)).map((s) => s.file.id),
    removedSnapshots: removed.map((s) => s.file.id),
    removedPacks: packNames.length,
    bytesFreed,
  });
}
