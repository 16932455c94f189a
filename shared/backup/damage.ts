/** Collects damage found while reading chunks and names what it affects (records, attachments, files). */
import type { SnapshotManifest } from './snapshot-file';
import type { BackupError, DamagedFile, DamagedRecords } from './types';

/** Accumulates damaged files, records and attachments without duplicates. */
export class DamageLog {
  private readonly files = new Map<string, DamagedFile>();
  private readonly records = new Map<string, DamagedRecords>();
  private readonly attachments = new Set<string>();

  /** True when nothing was recorded. */
  get isEmpty(): boolean {
    return this.files.size === 0 && this.records.size === 0 && this.attachments.size === 0;
  }

  /** Records a damaged file (the first problem found for a path wins). */
  file(path: string, problem: DamagedFile['problem']): void {
    if (!this.files.has(path)) this.files.set(path, { path, problem });
  }

  /** Records what the chunk at `position` of a snapshot file holds. */
  chunk(file: SnapshotManifest['files'][number], position: number): void {
    if (file.path.startsWith('attachments/')) {
      this.attachments.add(file.path.slice('attachments/'.length));
      return;
    }
    const bucket = file.buckets?.[position];
    if (!bucket) {
      this.file(file.path, 'undecryptable');
      return;
    }
    const table = file.path.replace(/\.ndjson$/, '');
    const next = file.buckets?.[position + 1];
    const key = `${table}\u0000${bucket[1]}`;
    if (!this.records.has(key)) this.records.set(key, { table, rows: bucket[0], firstKey: bucket[1], ...(next ? { beforeKey: next[1] } : {}) });
  }

  /** The 'damaged' error. */
  error(intactSnapshots: readonly string[]): BackupError {
    return {
      kind: 'damaged',
      files: [...this.files.values()],
      records: [...this.records.values()],
      attachments: [...this.attachments].sort(),
      intactSnapshots,
    };
  }
}
